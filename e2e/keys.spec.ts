import { expect, type APIRequestContext, type Page, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

/** The closing note names this folder: the screenshots the issue asks for. */
const shots = "test-results/screenshots/catalog";


test("create a key, see it once, copy it, use it on the API, revoke it", async ({ page, context, request }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/keys");
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();

  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("e2e server");
  await form.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toContainText("you won't see it again");
  const key = await reveal.getByLabel("Your new API key").inputValue();
  expect(key).toMatch(/^lg_live_[0-9A-Za-z]{38}$/);
  await reveal.getByRole("button", { name: "Copy API key" }).click();
  await expect(reveal.getByRole("button", { name: "Copied API key" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  const item = page.getByRole("listitem", { name: "e2e server" });
  await expect(item).toContainText(key.slice(0, 12));
  await expect(item).toContainText("Active");
  await page.reload();
  expect(await page.content()).not.toContain(key);

  const auth = { Authorization: `Bearer ${key}` };
  const ok = await request.get("/api/v1/account/balance", { headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ object: "balance", available_micros: 10_000_000, currency: "usd" });
  expect(ok.headers()["ratelimit-limit"]).toBe("20");

  const lastUsed = item.locator("div:has(> dt:text-is('Last used')) > dd");
  await expect(async () => {
    await page.reload();
    await expect(lastUsed).toHaveText(/^just now \(/, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  await item.getByRole("button", { name: "Revoke e2e server" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke “e2e server” (${key.slice(0, 12)}…)?` });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(item).toContainText("Revoked");
  await expect(item.getByRole("button", { name: "Revoke e2e server" })).toHaveCount(0);
  await expect(item.getByRole("heading", { name: "e2e server" })).toBeFocused();

  // Revocation reaches every instance within 10 s; this one, which revoked it, at once.
  await expect.poll(async () => (await request.get("/api/v1/account/balance", { headers: auth })).status(), {
    timeout: 10_000,
  }).toBe(401);
  const refused = await request.get("/v1/account/balance", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
  expect((await refused.json()).error).toMatchObject({ code: "unauthorized", type: "authentication_error" });
});

test("first key from the empty state, then rolls: with a grace period both keys work, without one the old key stops", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/keys");
  // The empty state gives way to the list as the key is created: the key must still be shown.
  await page.getByRole("button", { name: "Create your first key" }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("worker");
  await form.getByLabel("Test").check();
  await form.getByLabel("Generate").uncheck();
  await form.getByRole("button", { name: "Create key" }).click();
  const firstReveal = page.getByRole("dialog", { name: "Save your API key" });
  const first = await firstReveal.getByLabel("Your new API key").inputValue();
  expect(first).toMatch(/^lg_test_/);
  await firstReveal.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("button", { name: "Create key", exact: true })).toBeFocused();

  const items = page.getByRole("listitem", { name: "worker" });
  async function roll(graceDays: string): Promise<string> {
    await items.first().getByRole("button", { name: "Roll worker" }).click();
    const dialog = page.getByRole("dialog", { name: /^Roll “worker/ });
    await dialog.getByLabel("Grace period for the old key").selectOption(graceDays);
    await dialog.getByRole("button", { name: "Roll key" }).click();
    const reveal = page.getByRole("dialog", { name: "Save your new API key" });
    const key = await reveal.getByLabel("Your new API key").inputValue();
    await reveal.getByRole("button", { name: "Done" }).click();
    await expect(reveal).toBeHidden();
    return key;
  }
  const status = async (key: string) =>
    (await request.get("/api/v1/account/balance", { headers: { "x-api-key": key } })).status();

  const second = await roll("3");
  expect(second).toMatch(/^lg_test_/);
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(second.slice(0, 12));
  await expect(items.nth(1)).toContainText("Expiring");
  await expect(items.nth(1)).toContainText("in 3 days");
  await expect(items.nth(1)).toContainText(`Replaced by ${second.slice(0, 12)}…, stops working in 3 days`);
  expect([await status(first), await status(second)]).toEqual([200, 200]);

  // With no grace period the rolled key's row loses its buttons at once: the new key must survive that.
  // Revoked keys wait under a toggle.
  const third = await roll("0");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(third.slice(0, 12));
  const toggle = page.getByRole("button", { name: "Show 1 revoked key" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(page.getByRole("button", { name: "Hide 1 revoked key" })).toHaveAttribute("aria-expanded", "true");
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText("Revoked");
  await expect(items.nth(2)).toContainText(second.slice(0, 12));
  expect([await status(third), await status(second)]).toEqual([200, 401]);
});

async function createKey(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const key = await reveal.getByLabel("Your new API key").inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();
  return key;
}

const balanceStatus = async (request: APIRequestContext, key: string) =>
  (await request.get("/api/v1/account/balance", { headers: { Authorization: `Bearer ${key}` } })).status();

test("Enter twice on a new key copies it and keeps it shown until Done; Escape only warns", async ({ page, context }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/keys");
  await page.getByRole("button", { name: "Create your first key" }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("enter twice");
  await form.getByLabel("Name").press("Enter");

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const secret = reveal.getByLabel("Your new API key");
  await expect(secret).toHaveValue(/^lg_live_/);
  const key = await secret.inputValue();
  await expect(reveal.getByRole("button", { name: "Copy API key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(reveal).toBeVisible();
  await expect(secret).toHaveValue(key);
  await expect(reveal.getByRole("button", { name: "Copied API key" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/keys-reveal.png`, fullPage: true });

  // Escape asks first, and the warning's focus is on going back: Enter keeps the key.
  await page.keyboard.press("Escape");
  const warning = reveal.getByRole("group", { name: /Close without saving the key\?/ });
  await expect(warning.getByRole("button", { name: "Back to the key" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(warning).toBeHidden();
  await expect(secret).toHaveValue(key);
  await expect(reveal.getByRole("button", { name: /Cop(y|ied) API key/ })).toBeFocused();

  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();
  await expect(page.getByRole("listitem", { name: "enter twice" })).toContainText(key.slice(0, 12));
});

test("edit a key: rename it, change its limits, see a message for a bad cap; the name survives a reload", async ({ page, request }) => {
  test.setTimeout(60_000);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/keys");
  await page.getByRole("button", { name: "Create your first key" }).click();
  let form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("draft");
  await form.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const key = await reveal.getByLabel("Your new API key").inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();

  const item = page.getByRole("listitem", { name: "draft" });
  await item.getByRole("button", { name: "Edit draft" }).click();
  form = page.getByRole("dialog", { name: `Edit “draft” (${key.slice(0, 12)}…)` });
  const cap = form.getByLabel("Daily spend cap");
  await cap.fill("1.234");
  await form.getByLabel("Name").focus();
  await expect(form.getByText("Use at most cents (2 decimals)")).toBeVisible();
  await expect(cap).toHaveAttribute("aria-invalid", "true");
  await cap.fill("2.50");
  await form.getByLabel("Name").fill("billing worker");
  await form.getByLabel("Requests per 10 s").fill("3");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();

  const renamed = page.getByRole("listitem", { name: "billing worker" });
  await expect(renamed).toContainText("3 req / 10 s, $2.50 a day");
  await expect(renamed).toContainText("$0.00 of $2.50 today");
  await page.reload();
  await expect(renamed.getByRole("heading", { name: "billing worker" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "draft" })).toHaveCount(0);

  const limit = (await request.get("/api/v1/account/balance", { headers: { Authorization: `Bearer ${key}` } })).headers()["ratelimit-limit"];
  expect(limit).toBe("3");
});

test("a rolled key gets its own name, and revoking the right one by its start leaves the other working", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/keys");
  await page.getByRole("button", { name: "Create your first key" }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("deploy");
  await form.getByRole("button", { name: "Create key" }).click();
  let reveal = page.getByRole("dialog", { name: "Save your API key" });
  const oldKey = await reveal.getByLabel("Your new API key").inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Roll deploy" }).click();
  const rollDialog = page.getByRole("dialog", { name: `Roll “deploy” (${oldKey.slice(0, 12)}…)` });
  await rollDialog.getByRole("button", { name: "Roll key" }).click();
  reveal = page.getByRole("dialog", { name: "Save your new API key" });
  const newKey = await reveal.getByLabel("Your new API key").inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();

  const rows = page.getByRole("list", { name: "API keys" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  const newName = (await rows.nth(0).getByRole("heading").textContent())!;
  expect(newName).toMatch(/^deploy \(rolled [A-Z][a-z]{2} \d{1,2}\)$/);
  await expect(rows.nth(1).getByRole("heading")).toHaveText("deploy");
  await expect(rows.nth(1)).toContainText(`Replaced by ${newKey.slice(0, 12)}…`);

  // Revoke the old key, picked by the start its confirmation names.
  await rows.nth(1).getByRole("button", { name: "Revoke deploy" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke “deploy” (${oldKey.slice(0, 12)}…)?` });
  await expect(confirm).toContainText(`Every request with the key ${oldKey.slice(0, 12)}… fails`);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("listitem", { name: "deploy" }).filter({ hasText: "Revoked" })).toContainText(oldKey.slice(0, 12));

  await expect.poll(() => balanceStatus(request, oldKey), { timeout: 10_000 }).toBe(401);
  expect(await balanceStatus(request, newKey)).toBe(200);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/keys-desktop.png`, fullPage: true });
});

test("the settings page names what is wrong with a cap, in the browser and from the server", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/dashboard/settings");
  const daily = page.getByLabel("Daily cap (USD)");
  for (const [value, message] of [
    ["-5", "A cap cannot be negative"],
    ["1000001", "At most $1,000,000.00"],
    ["abc", "Enter a dollar amount such as 5 or 2.50"],
    ["1.234", "Use at most cents (2 decimals)"],
  ] as const) {
    await daily.fill(value);
    await page.getByLabel("Monthly cap (USD)").focus();
    const error = page.locator("#dailyUsd-error");
    await expect(error).toHaveText(message);
    await expect(daily).toHaveAttribute("aria-invalid", "true");
    await expect(daily).toHaveAttribute("aria-describedby", /dailyUsd-error/);
  }
  await page.getByRole("button", { name: "Save caps" }).click();
  await expect(daily).toBeFocused();
  await expect(page.locator("#dailyUsd-error")).toHaveText("Use at most cents (2 decimals)");
  await daily.fill("5");
  await page.getByRole("button", { name: "Save caps" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Spend caps saved." })).toBeVisible();
  await expect(daily).not.toHaveAttribute("aria-invalid", "true");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the keys page and the create dialog fit the screen and explain mistakes", async ({ page }) => {
    test.setTimeout(60_000);
    await signUp(page, uniqueEmail("keys"));
    await page.goto("/dashboard/keys");
    await page.getByRole("button", { name: "Create your first key" }).click();
    const form = page.getByRole("dialog", { name: "Create an API key" });
    await form.getByLabel("Generate").uncheck();
    await form.getByLabel("Read").uncheck();
    await form.getByLabel("Daily spend cap").fill("lots");
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(form.getByText("Give the key a name")).toBeVisible();
    await expect(form.getByText("Choose at least one scope")).toBeVisible();
    await expect(form.getByText("Enter a dollar amount such as 5 or 2.50")).toBeVisible();
    const box = await form.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the keys list with a rolled and a revoked key fits the screen", async ({ page }) => {
    test.setTimeout(60_000);
    await signUp(page, uniqueEmail("keys"));
    await page.goto("/dashboard/keys");
    await page.getByRole("button", { name: "Create your first key" }).click();
    const form = page.getByRole("dialog", { name: "Create an API key" });
    await form.getByLabel("Name").fill("phone app with a long descriptive name");
    await form.getByRole("button", { name: "Create key" }).click();
    await page.getByRole("dialog", { name: "Save your API key" }).getByRole("button", { name: "Done" }).click();
    await createKey(page, "old");
    await page.getByRole("button", { name: "Revoke old" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByRole("button", { name: "Hide 1 revoked key" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${shots}/keys-phone.png`, fullPage: true });
  });
});
