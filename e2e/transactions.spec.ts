import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

async function exportCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lumigate-transactions-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFile(await download.path(), "utf8");
}

test("sign up, find the sign-up grant among the transactions, filter, and export it as CSV", async ({ page }) => {
  await signUp(page, uniqueEmail("transactions"));
  await page.goto("/dashboard/billing/transactions");
  await expect(page.getByRole("heading", { level: 1, name: "Transactions" })).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("$10.00");
  await expect(page.getByTestId("balance-credits")).toHaveText("1,428.57 credits");

  const table = page.getByRole("region", { name: "Transactions" });
  const grant = table.getByRole("row").filter({ hasText: "Sign-up credit" });
  await expect(grant).toHaveCount(1);
  await expect(grant).toContainText("Credit grant");
  await expect(grant).toContainText("+$10.00");
  const entryId = await grant.getAttribute("data-entry-id");
  expect(entryId).toMatch(/^txn_/);

  const all = await exportCsv(page);
  const [header = "", ...lines] = all.trimEnd().split("\r\n");
  expect(header.split(",")).toEqual(expect.arrayContaining(["date", "id", "kind", "amount_usd", "amount_micros", "available_after_usd"]));
  const row = lines.find((line) => line.includes(entryId!));
  expect(row).toBeDefined();
  expect(row).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,txn_/);
  expect(row).toContain(",grant,Credit grant,10.000000,10000000,0,10.000000,10000000,");
  expect(row).toContain("Sign-up credit");

  await page.getByLabel("Type").selectOption("capture");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=capture/);
  await expect(page.getByText("No transactions match these filters.")).toBeVisible();
  const charges = await exportCsv(page);
  expect(charges.trimEnd().split("\r\n")).toHaveLength(1);

  await page.goto("/dashboard/billing/transactions?kind=nonsense&from=2026-02-30&cursor=bad");
  await expect(table.getByRole("row").filter({ hasText: "Sign-up credit" })).toHaveCount(1);
});

test("another account's export holds none of my entries, and the export needs a session", async ({ browser, request }) => {
  const mine = await browser.newPage();
  await signUp(mine, uniqueEmail("mine"));
  await mine.goto("/dashboard/billing/transactions");
  const myEntry = await mine.getByRole("row").filter({ hasText: "Sign-up credit" }).getAttribute("data-entry-id");

  const theirs = await browser.newPage();
  await signUp(theirs, uniqueEmail("theirs"));
  await theirs.goto("/dashboard/billing/transactions");
  const csv = await exportCsv(theirs);
  expect(csv).not.toContain(myEntry!);
  expect(csv.trimEnd().split("\r\n")).toHaveLength(2);

  const anonymous = await request.get("/dashboard/billing/transactions/export", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/sign-in\?callbackUrl=%2Fdashboard%2Fbilling%2Ftransactions%2Fexport$/);
  await Promise.all([mine.context().close(), theirs.context().close()]);
});
