import { expect, test, type Page } from "@playwright/test";
import { password, uniqueEmail } from "./support";


async function signUp(page: Page, email: string) {
  await page.goto("/sign-up");
  await expect(page.getByText("$10.00 free credit")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("sign up, see the free credit, sign out, come back to settings through sign-in, set a daily cap", async ({ page }) => {
  const email = uniqueEmail("journey");
  await signUp(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("$10.00");
  await expect(page.getByTestId("shell-balance")).toHaveText("$10.00");

  await page.getByRole("complementary", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fsettings$/);
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByText("No daily cap.")).toBeVisible();

  await page.getByLabel("Daily cap (USD)").fill("5");
  await page.getByRole("button", { name: "Save caps" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Spend caps saved." })).toBeVisible();
  const dailyBar = page.getByRole("progressbar", { name: "Today: spend against the daily cap" });
  await expect(dailyBar).toHaveAttribute("aria-valuenow", "0");
  await expect(dailyBar).toHaveAttribute("aria-valuetext", "$0.00 of $5.00 (0%)");
  await expect(page.getByText("of $5.00 daily cap")).toBeVisible();

  const secret = page.getByLabel("Signing secret", { exact: true });
  await expect(secret).toHaveText(/^whsec_•+$/);
  await page.getByRole("button", { name: "Reveal" }).click();
  const first = await secret.textContent();
  expect(first).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  await page.getByRole("button", { name: "Roll secret" }).click();
  await page.getByRole("group", { name: "Confirm rolling the secret" }).getByRole("button", { name: "Roll secret" }).click();
  await expect(page.getByText("New secret in use.")).toBeVisible();
  await expect(secret).not.toHaveText(first!);
  await expect(page.getByText(/The previous secret also signs callbacks until/)).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("progressbar", { name: "Today: spend against the daily cap" })).toHaveAttribute(
    "aria-valuetext",
    "$0.00 of $5.00 (0%)",
  );
});

test("helpful errors: a taken email, a weak password, a wrong password; an off-site callback is ignored", async ({ page }) => {
  const email = uniqueEmail("errors");
  await signUp(page, email);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("aaaaaaaaaaaa");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use more than one distinct character")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists").first()).toBeVisible();

  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`${password}!`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a copied session cookie stops working once its owner signs out", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("copied"));
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.getByRole("complementary", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  // The cookie the thief holds was never cleared in their browser: the server refuses it.
  await thief.clearCookies();
  await thief.addCookies(copied);
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/sign-in/);
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  await thief.close();
});

test("changing the password keeps this session and ends every other one", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("change"));
  const copied = await page.context().cookies();
  const other = await browser.newContext();
  await other.addCookies(copied);

  await page.goto("/dashboard/settings");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right").first()).toBeVisible();
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const elsewhere = await other.newPage();
  await elsewhere.goto("/dashboard");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await other.close();
});

test("without mail, 'Forgot password?' says how to get a new one instead of pretending to send a link", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByText("This Lumigate instance has no email set up")).toBeVisible();
  await expect(page.getByText("npm run cli -- users:password")).toBeVisible();
  await page.goto("/reset-password");
  await expect(page.getByText("This link is incomplete.")).toBeVisible();
});
