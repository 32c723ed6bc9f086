import { expect, test } from "@playwright/test";

test("find FLUX.2 Flex 2K in the catalog, read its price and curl example, and follow an alias", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const count = page.getByTestId("result-count");
  // Browsing shows families; a search lists the variants that match.
  await expect(count).toHaveText(/^\d+ model famil(y|ies)$/);

  await page.getByLabel("Search models").fill("flex");
  await expect(page).toHaveURL(/[?&]q=flex/);
  await expect(count).toHaveText(/^\d+ variants?$/);
  const results = page.getByTestId("variant-result");
  await expect(results.first()).toBeVisible();
  for (const name of await results.allTextContents()) expect(name.toLowerCase()).toContain("flex");

  await page.getByLabel("Task").selectOption({ label: "Text to image" });
  await expect(page).toHaveURL(/[?&]task=text_to_image/);
  await expect(results).toHaveCount(2);

  await page.getByRole("link", { name: /flex.*2K/i }).first().click();
  await expect(page).toHaveURL(/\/models\/flux-2-flex-text-to-image-2k$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/flex/i);
  await expect(page.getByText("$0.168").first()).toBeVisible();
  await expect(page.getByText("24 credits").first()).toBeVisible();

  await page.getByRole("tab", { name: "curl" }).click();
  const curl = page.getByRole("tabpanel");
  await expect(curl).toContainText("/api/v1/jobs/createTask");
  await expect(curl).toContainText('"model": "flux-2-flex-text-to-image-2k"');

  for (const alias of ["black-forest-labs/flux-2-flex", "black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-2k"]) {
    await page.goto(`/models/${alias}`);
    await expect(page).toHaveURL(/\/models\/flux-2-flex-text-to-image-2k$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/flex/i);
  }
});

test("an unknown model slug gets a real 404 page", async ({ page }) => {
  const response = await page.goto("/models/not-a-real-model");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /models/i }).first()).toBeVisible();
});

test("an empty search shows the empty state and a way back", async ({ page }) => {
  await page.goto("/models?q=zzzz-nothing-matches");
  await expect(page.getByTestId("result-count")).toHaveText("0 variants");
  await page.getByRole("link", { name: /clear filters/i }).click();
  await expect(page).toHaveURL(/\/models$/);
});
