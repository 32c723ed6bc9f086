import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

// Against the local Stripe fake that playwright.config.ts starts beside the app: its Checkout page
// sends the signed checkout.session.completed webhook, as Stripe would, and returns to the app.

test("sign up, top up $10 by card through Checkout, and see the balance rise by exactly $10.00 without a reload", async ({ page }) => {
  await signUp(page, uniqueEmail("topup"));

  await page.goto("/dashboard/billing");
  const before = await page.getByTestId("balance").first().textContent();
  const beforeMicros = Math.round(Number(before!.replace(/[$,]/g, "")) * 1_000_000);

  await page.getByRole("button", { name: "$10", exact: true }).click();
  await expect(page.getByTestId("topup-credits")).toHaveText("1,428.57 credits");
  await page.getByRole("button", { name: "Pay $10.00 by card" }).click();

  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await page.getByRole("button", { name: "Pay $10.00" }).click();

  await expect(page).toHaveURL(/\/dashboard\/billing\/return\?session_id=cs_test_/);
  await expect(page.getByText(/Credits added: \$10\.00|Payment received, credits arriving/)).toBeVisible();
  const after = page.getByTestId("balance").last();
  await expect(page.getByText("Credits added: $10.00")).toBeVisible({ timeout: 15_000 });
  const afterMicros = Math.round(Number((await after.textContent())!.replace(/[$,]/g, "")) * 1_000_000);
  expect(afterMicros - beforeMicros).toBe(10_000_000);

  await page.goto("/dashboard/billing/transactions");
  const topUp = page.getByRole("region", { name: "Transactions" }).getByRole("row").filter({ hasText: "+$10.00" }).filter({ hasNotText: "Sign-up credit" });
  await expect(topUp).toHaveCount(1);
  const entryId = await topUp.getAttribute("data-entry-id");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const row = (await readFile(await download.path(), "utf8")).split("\r\n").find((line) => line.includes(entryId!));
  expect(row).toContain(",topup,");
  expect(row).toContain(",10.000000,10000000,");
});

test("a cancelled checkout says so and charges nothing", async ({ page }) => {
  await signUp(page, uniqueEmail("cancel"));

  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: "$50", exact: true }).click();
  await page.getByRole("button", { name: "Pay $50.00 by card" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await page.getByRole("link", { name: "Cancel and go back" }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing\/return\?cancelled=top_/);
  await expect(page.getByRole("heading", { name: "Checkout cancelled" })).toBeVisible();
});
