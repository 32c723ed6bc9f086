import { expect, type Page, test } from "@playwright/test";

async function signUp(page: Page) {
  const email = `keys-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard/);
}

test("create a key, see it once, copy it, use it on the API, revoke it", async ({ page, context, request }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
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
  await reveal.getByRole("button", { name: "I've saved it" }).click();
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
    await expect(lastUsed).toHaveText("just now", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  await item.getByRole("button", { name: "Revoke e2e server" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “e2e server”?" });
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
  await signUp(page);
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
  await firstReveal.getByRole("button", { name: "I've saved it" }).click();
  await expect(page.getByRole("button", { name: "Create key", exact: true })).toBeFocused();

  const items = page.getByRole("listitem", { name: "worker" });
  async function roll(graceDays: string): Promise<string> {
    await items.first().getByRole("button", { name: "Roll worker" }).click();
    const dialog = page.getByRole("dialog", { name: "Roll “worker”" });
    await dialog.getByLabel("Grace period for the old key").selectOption(graceDays);
    await dialog.getByRole("button", { name: "Roll key" }).click();
    const reveal = page.getByRole("dialog", { name: "Save your new API key" });
    const key = await reveal.getByLabel("Your new API key").inputValue();
    await reveal.getByRole("button", { name: "I've saved it" }).click();
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
  expect([await status(first), await status(second)]).toEqual([200, 200]);

  // With no grace period the rolled key's row loses its buttons at once: the new key must survive that.
  const third = await roll("0");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(third.slice(0, 12));
  await expect(items.nth(1)).toContainText("Revoked");
  expect([await status(third), await status(second)]).toEqual([200, 401]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the keys page and the create dialog fit the screen and explain mistakes", async ({ page }) => {
    test.setTimeout(60_000);
    await signUp(page);
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
