import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { cli, runTask, shot, signUp } from "./support";

const PRO = "flux-2-pro-text-to-image-1k";
const FLEX = "flux-2-flex-text-to-image-1k";

function micros(text: string): number {
  const match = /\$([\d,]+\.\d+)/.exec(text);
  expect(match, `a dollar amount in "${text}"`).not.toBeNull();
  return Math.round(Number(match![1]!.replace(/,/g, "")) * 1_000_000);
}

test("usage and the task log match the ledger after API and playground tasks; a task's callbacks can be redelivered", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const received: string[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push(body);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const email = `usage-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Make your first call" })).toBeVisible();
  const alpha = (await cli("keys:create", email, "--name", "alpha")).at(-1)!;
  const beta = (await cli("keys:create", email, "--name", "beta")).at(-1)!;
  const testKey = (await cli("keys:create", email, "--test", "--name", "tests")).at(-1)!;

  const withCallback = await runTask(request, alpha, { model: PRO, input: { prompt: "usage: a kettle" }, callBackUrl: hook });
  const api = [
    withCallback,
    await runTask(request, alpha, { model: PRO, input: { prompt: "usage: a teapot" } }),
    await runTask(request, alpha, { model: PRO, input: { prompt: "usage: a cup [sim:fail]" } }),
    await runTask(request, beta, { model: FLEX, input: { prompt: "usage: a saucer" } }),
    await runTask(request, testKey, { model: PRO, input: { prompt: "usage: a spoon" } }),
  ];
  expect(api.map((t) => t.state)).toEqual(["success", "success", "fail", "success", "success"]);

  // Two live panes from the playground: Pro 1K and Flex 1K by default.
  await page.goto("/playground");
  await page.getByLabel("Test mode").uncheck();
  await page.getByLabel("Prompt", { exact: true }).fill("usage: a sugar bowl");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  for (const n of [1, 2]) {
    await expect(page.getByRole("region", { name: `Pane ${n}`, exact: true }).getByTestId("pane-state")).toHaveText("Done", { timeout: 30_000 });
  }
  const paneCosts = await Promise.all(
    [1, 2].map(async (n) => micros(await page.getByRole("region", { name: `Pane ${n}`, exact: true }).getByTestId("pane-cost").innerText())),
  );

  const proSpend = api[0]!.costMicros + api[1]!.costMicros + paneCosts[0]!;
  const flexSpend = api[3]!.costMicros + paneCosts[1]!;
  expect(api[2]!.costMicros).toBe(0);
  expect(api[4]!.costMicros).toBe(0);
  // The ledger's own figure: everything the $10 sign-up credit lost.
  const balance = await (await request.get("/api/v1/account/balance", { headers: { Authorization: `Bearer ${alpha}` } })).json();
  expect(10_000_000 - balance.available_micros).toBe(proSpend + flexSpend);

  await page.goto("/dashboard/usage?range=7");
  await expect(page.getByTestId("usage-total-spend")).toHaveText(/\$/);
  expect(micros(await page.getByTestId("usage-total-spend").innerText())).toBe(proSpend + flexSpend);
  await expect(page.getByTestId("usage-total-tasks")).toHaveText("7");
  expect(micros(await page.locator(`tr[data-model="${PRO}"]`).getByTestId("model-spend").innerText())).toBe(proSpend);
  expect(micros(await page.locator(`tr[data-model="${FLEX}"]`).getByTestId("model-spend").innerText())).toBe(flexSpend);
  await shot(page, "usage", "usage-desktop");

  const filters = page.getByRole("form", { name: "Filter usage" });
  await filters.getByLabel("Model").selectOption(FLEX);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`model=${FLEX}`));
  expect(micros(await page.getByTestId("usage-total-spend").innerText())).toBe(flexSpend);
  await page.getByRole("link", { name: "Clear filters" }).click();
  const keySelect = page.getByRole("form", { name: "Filter usage" }).getByLabel("API key");
  await keySelect.selectOption((await keySelect.locator("option", { hasText: /^beta / }).getAttribute("value"))!);
  await page.getByRole("form", { name: "Filter usage" }).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/key=/);
  expect(micros(await page.getByTestId("usage-total-spend").innerText())).toBe(api[3]!.costMicros);
  await expect(page.getByTestId("usage-total-tasks")).toHaveText("1");

  // The task log: every task, and a CSV with one row per task.
  await page.goto("/dashboard/tasks");
  const log = page.getByRole("region", { name: "Tasks" });
  await expect(log.locator("tr[data-task-id]")).toHaveCount(7);
  await shot(page, "usage", "task-log-desktop");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const [, ...rows] = (await readFile(await download.path(), "utf8")).trimEnd().split(/\r?\n/);
  expect(rows).toHaveLength(7);
  for (const task of api) expect(rows.some((row) => row.includes(task.taskId))).toBe(true);

  // A task's detail: its callback attempt, and "Redeliver" sends one more.
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
  await page.goto(`/dashboard/tasks/${withCallback.taskId}`);
  const attempts = page.getByRole("region", { name: "Callback attempts" });
  await expect(attempts.locator("tbody tr")).toHaveCount(1);
  await expect(attempts).toContainText("200");
  await shot(page, "usage", "task-detail-desktop");
  await page.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued" })).toBeVisible();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
  expect(JSON.parse(received[1]!).data.taskId).toBe(withCallback.taskId);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Callback attempts" }).locator("tbody tr")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "usage", "task-detail-phone");
  await page.goto("/dashboard/tasks");
  await shot(page, "usage", "task-log-phone");
  await page.goto("/dashboard/usage?range=7");
  await shot(page, "usage", "usage-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  receiver.close();
});
