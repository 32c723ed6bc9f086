import { readFile } from "node:fs/promises";
import { expect, type Browser, type BrowserContext, type Page, test } from "@playwright/test";
import { password, shot, signUp, uniqueEmail } from "./support";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? "system");
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function withoutJavaScript<T>(browser: Browser, cookies: Parameters<BrowserContext["addCookies"]>[0], run: (page: Page) => Promise<T>) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the header's sign-in state is in the first HTML, for a visitor and for a signed-in user without JavaScript", async ({ page, request, browser }) => {
  const html = await (await request.get("/models")).text();
  expect(html).toMatch(/>Sign in</);
  expect(html).not.toMatch(/>Sign out</);
  await withoutJavaScript(browser, [], async (visitor) => {
    await visitor.goto("/");
    await expect(mainNav(visitor).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(mainNav(visitor).getByRole("link", { name: "Sign up" })).toBeVisible();
  });

  await signUp(page, uniqueEmail("header"));
  // The client-side sign-in refreshed the server-rendered header.
  await expect(mainNav(page).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);

  const cookies = await page.context().cookies();
  await withoutJavaScript(browser, cookies, async (member) => {
    await member.goto("/models");
    await expect(mainNav(member).getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(mainNav(member).getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(mainNav(member).getByRole("link", { name: "Sign in" })).toHaveCount(0);
    // Without JavaScript, sign-out goes through next-auth's own confirmation page.
    await mainNav(member).getByRole("button", { name: "Sign out" }).click();
    await expect(member).toHaveURL(/\/api\/auth\/signout/);
    await member.getByRole("button", { name: "Sign out" }).click();
    await expect(mainNav(member).getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

test("the theme toggle switches to dark, survives a reload, and goes back", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const light = await background(page);
  const toggle = mainNav(page).getByRole("button", { name: /^Theme: / });
  await expect(toggle).toHaveAccessibleName("Theme: System");

  await toggle.click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect.poll(() => theme(page)).toBe("dark");
  await expect.poll(() => background(page)).not.toBe(light);
  const dark = await background(page);

  await page.reload();
  // Set by the script in <head>, before anything is painted.
  expect(await theme(page)).toBe("dark");
  expect(await background(page)).toBe(dark);
  await expect(toggle).toHaveAccessibleName("Theme: Dark");

  // An explicit light choice wins over a dark system setting.
  await page.emulateMedia({ colorScheme: "dark" });
  await toggle.click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect.poll(() => theme(page)).toBe("light");
  await expect.poll(() => background(page)).toBe(light);

  await toggle.click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect.poll(() => theme(page)).toBe("system");
  await expect.poll(() => background(page)).toBe(dark);
  await page.reload();
  expect(await theme(page)).toBe("system");
});

test("the footer reaches the terms, privacy and status pages", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("navigation", { name: "Footer" });
  for (const link of ["Model catalog", "Documentation", "API reference", "Status", "Terms of service", "Privacy policy"]) {
    await expect(footer.getByRole("link", { name: link })).toBeVisible();
  }

  await footer.getByRole("link", { name: "Terms of service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Terms of service" })).toBeVisible();
  await expect(page.getByText("DATA_DIR/pages/terms.md")).toBeVisible();

  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Privacy policy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy policy" })).toBeVisible();
  await expect(page.getByText("DATA_DIR/pages/privacy.md")).toBeVisible();

  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Status" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Status" })).toBeVisible();
  await expect(page.getByTestId("overall-status")).toContainText(/All systems operational|Degraded: |No runs in the last 7 days/);
  await expect(page.getByRole("heading", { level: 2, name: "Black Forest Labs" })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, "catalog", "status-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "catalog", "status-phone");
});

test("robots.txt, the favicon and the social preview image are served with their types", async ({ request, page }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await robots.text()).toContain("Disallow: /dashboard");

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);

  const og = await request.get("/og.png");
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");

  await page.goto("/");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\.png$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
});

test("export my data as JSON, then delete the account: its sign-in stops working", async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("delete");
  await signUp(page, email);
  await page.goto("/dashboard/settings");
  await expect(page.getByRole("heading", { level: 2, name: "Your data" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lumigate-account-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.user.email).toBe(email);
  expect(exported.account.balance.availableMicros).toBe(10_000_000);

  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, "catalog", "settings-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "catalog", "settings-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Delete account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toContainText("kept for 10 years");
  await expect(dialog).toContainText("$10.00");
  await dialog.getByLabel(/to confirm/).fill("someone-else@example.com");
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("That is not this account's email.").first()).toBeVisible();

  await dialog.getByLabel(/to confirm/).fill(email);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
