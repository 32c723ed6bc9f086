import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type APIRequestContext, expect } from "@playwright/test";
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
