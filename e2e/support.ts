import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { promisify } from "node:util";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";

const exec = promisify(execFile);

/** The operator CLI, run beside the e2e server so it finds that server's database: its output lines. */
export async function cli(...args: string[]): Promise<string[]> {
  const { stdout } = await exec("npm", ["run", "--silent", "cli", "--", ...args], { env: { ...process.env, DATA_DIR: e2eDataDir } });
  return stdout.trim().split("\n");
}

/** A task's recordInfo `data` (PROTOCOLS.md §4). */
export type FinishedTask = { taskId: string; state: string; costMicros: number; resultJson: string } & Record<string, unknown>;

/** createTask, then recordInfo until the task ends. */
export async function runTask(request: APIRequestContext, key: string, body: unknown): Promise<FinishedTask> {
  const auth = { Authorization: `Bearer ${key}` };
  const created = await request.post("/api/v1/jobs/createTask", { headers: auth, data: body });
  expect(created.status()).toBe(200);
  const { taskId } = (await created.json()).data;
  let data = { taskId, state: "", costMicros: 0, resultJson: "" } as FinishedTask;
  await expect
    .poll(
      async () => {
        data = (await (await request.get(`/api/v1/jobs/recordInfo?taskId=${taskId}`, { headers: auth })).json()).data;
        return data.state;
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toMatch(/^(success|fail)$/);
  return data;
}

export const password = "correct horse battery staple";

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Signs up through the form (the $10 credit is there at once) and waits for the dashboard. */
export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** A full-page screenshot into `test-results/screenshots/<folder>`: the folders the closing notes name. */
export async function shot(page: Page, folder: string, name: string): Promise<void> {
  const dir = `test-results/screenshots/${folder}`;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
