import { expect, type Page, test } from "@playwright/test";
import { shot } from "./support";

const qwen = { slug: "qwen-image-text-to-image", name: "Qwen Image · text-to-image", price: "$0.028" };
const pro = { slug: "flux-2-pro-text-to-image-1k", name: "FLUX.2 [pro] · text-to-image · 1K", price: "$0.035" };
const gpt = { slug: "gpt-image-1.5-text-to-image-high", name: "GPT Image 1.5 · text-to-image · high", price: "$0.245" };

const tray = (page: Page) => page.getByRole("region", { name: "Compare selection" });
const columns = (page: Page) => page.getByTestId("compare-column");

test("compare three models from cards and a model page, remove one, try the rest in the playground", async ({ page }) => {
  await page.goto("/models/collections/cheapest");
  for (const { name } of [qwen, pro]) {
    const toggle = page.getByRole("button", { name: `Compare ${name}`, exact: true });
    await toggle.click();
    await expect(page.getByRole("button", { name: `Added to compare: ${name}` })).toHaveAttribute("aria-pressed", "true");
  }
  await expect(tray(page).getByRole("link", { name: "Compare 2 models" })).toBeVisible();

  await page.goto(`/models/${gpt.slug}`);
  await expect(tray(page).getByRole("listitem").filter({ hasText: qwen.name })).toBeVisible();
  await page.getByRole("button", { name: `Compare ${gpt.name}`, exact: true }).first().click();
  await tray(page).getByRole("link", { name: "Compare 3 models" }).click();

  await expect(page).toHaveURL(new RegExp(`/models/compare\\?models=${qwen.slug},${pro.slug},${gpt.slug.replaceAll(".", "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Compare models" })).toBeVisible();
  await expect(columns(page)).toHaveCount(3);
  await expect(tray(page)).toBeHidden();
  const table = page.getByTestId("compare-table");
  for (const { price } of [qwen, pro, gpt]) await expect(table.getByText(price, { exact: true })).toBeVisible();
  await expect(table.getByText("Cheapest")).toHaveCount(1);

  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, "catalog", "compare-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "catalog", "compare-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("link", { name: `Remove ${pro.name} from the comparison` }).click();
  await expect(page).toHaveURL(new RegExp(`models=${qwen.slug},${gpt.slug.replaceAll(".", "\\.")}$`));
  await expect(columns(page)).toHaveCount(2);

  await page.getByRole("link", { name: "Try in playground" }).click();
  await expect(page).toHaveURL(/\/playground\?models=/);
  await expect(page.getByRole("button", { name: `Model for pane 1: ${qwen.name}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Model for pane 2: ${gpt.name}` })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Model for pane 3:/ })).toHaveCount(0);

  // The page made the selection what it compared, so the tray agrees after leaving.
  await page.goto("/models/collections/new");
  await expect(tray(page).getByRole("link", { name: "Compare 2 models" })).toBeVisible();
});

test("a fifth model is refused with a message, and Clear empties the tray", async ({ page }) => {
  await page.goto("/models/collections/cheapest");
  const toggles = page.getByRole("button", { name: /^Compare / });
  for (let i = 0; i < 4; i++) await toggles.nth(0).click();
  await expect(tray(page).getByRole("link", { name: "Compare 4 models" })).toBeVisible();
  await toggles.nth(0).click();
  await expect(page.getByRole("status").filter({ hasText: "Compare takes up to 4 models" })).toBeVisible();
  await expect(tray(page).getByRole("link", { name: "Compare 4 models" })).toBeVisible();
  await tray(page).getByRole("button", { name: "Clear" }).click();
  await expect(tray(page)).toBeHidden();
});

test("the compare page names unknown models, resolves aliases and adds a column from its picker", async ({ page }) => {
  await page.goto("/models/compare?models=not-a-model,flux-2-pro");
  await expect(page.getByTestId("compare-notice")).toContainText("“not-a-model” is not a model");
  await expect(columns(page)).toHaveCount(1);
  await page.getByLabel("Add a model").selectOption({ label: qwen.name });
  await page.getByRole("button", { name: "Add to comparison" }).click();
  await expect(page).toHaveURL(new RegExp(`models=${pro.slug},${qwen.slug}$`));
  await expect(columns(page)).toHaveCount(2);

  await page.goto("/models/compare");
  await expect(page.getByRole("heading", { name: "Nothing to compare yet" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search models" })).toBeVisible();
});

test("open a collection from the models page", async ({ page }) => {
  await page.goto("/models");
  await page.getByRole("navigation", { name: "Collections" }).getByRole("link", { name: "Fastest" }).click();
  await expect(page).toHaveURL(/\/models\/collections\/fastest$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fastest" })).toBeVisible();
  await expect(page.getByTestId("variant-result").first()).toBeVisible();

  const response = await page.goto("/models/collections/slowest");
  expect(response?.status()).toBe(404);
});

test("Back after two filter changes returns to the first one: URL, form and results", async ({ page }) => {
  await page.goto("/models");
  const count = page.getByTestId("result-count");
  await expect(count).toHaveText(/\d+ models?/);
  const total = await count.textContent();
  const modality = page.getByLabel("Modality");
  await expect(modality.locator("option")).toHaveText(["Any modality", "Image"]);

  await page.getByLabel("Task").selectOption({ label: "Edit" });
  await expect(page).toHaveURL(/\/models\?task=edit$/);
  await expect(count).not.toHaveText(total!);
  const editCount = await count.textContent();

  await page.getByLabel("Sort by").selectOption({ label: "Price: low to high" });
  await expect(page).toHaveURL(/\/models\?task=edit&sort=price-asc$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/models\?task=edit$/);
  await expect(page.getByLabel("Task")).toHaveValue("edit");
  await expect(page.getByLabel("Sort by")).toHaveValue("featured");
  await expect(count).toHaveText(editCount!);

  await page.getByLabel("Search models").fill("kontext");
  await expect(page).toHaveURL(/q=kontext/);
  await page.goBack();
  await expect(page).toHaveURL(/\/models\?task=edit$/);
  await expect(page.getByLabel("Search models")).toHaveValue("");
  await page.goForward();
  await expect(page.getByLabel("Search models")).toHaveValue("kontext");
});

test("invalid filter parameters are dropped and the form shows what the results use", async ({ page }) => {
  await page.goto("/models?modality=xyz&min=abc&minPrice=abc&sort=random");
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByLabel("Modality")).toHaveValue("");
  await expect(page.getByLabel("Minimum price (USD)")).toHaveValue("");
  await expect(page.getByLabel("Sort by")).toHaveValue("featured");

  await page.goto("/models?min=0.2&max=0.1");
  await expect(page).toHaveURL(/\/models\?min=0\.2$/);
  await expect(page.getByLabel("Minimum price (USD)")).toHaveValue("0.2");
  await expect(page.getByLabel("Maximum price (USD)")).toHaveValue("");

  await page.goto("/models?q=flex");
  await expect(page.getByLabel("Search models")).toHaveValue("flex");
});
