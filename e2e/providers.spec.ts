import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support";

test("provider keys: a refused key is not saved, an accepted one is shown masked and can be removed", async ({ page }) => {
  await signUp(page, uniqueEmail("byok"));

  await page.getByRole("link", { name: "Provider keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Provider keys" })).toBeVisible();
  const bfl = page.getByRole("form", { name: "Black Forest Labs API key" });
  const field = bfl.getByLabel("Black Forest Labs API key");

  // The simulator refuses keys that start with "bad-".
  await field.fill("bad-0123456789");
  await field.press("Enter");
  await expect(page.getByText(/refused/i).first()).toBeVisible();
  await expect(page.getByText("Not set").first()).toBeVisible();

  await field.fill("bfl-secret-key-7788");
  await field.press("Enter");
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  // Masked to its last 4 (the page's email holds random digits too, so the match is whole).
  await expect(page.getByText(/^•+7788$/)).toBeVisible();
  await expect(page.getByText("bfl-secret-key-7788")).toHaveCount(0);

  await page.reload();
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /remove/i }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: /remove/i }).click();
  await expect(page.getByText(/was removed/)).toBeVisible();
});
