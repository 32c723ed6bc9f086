import { expect, type Locator, type Page, test } from "@playwright/test";
import { shot, signUp, uniqueEmail } from "./support";


const pane = (page: Page, n: number) => page.getByRole("region", { name: `Pane ${n}`, exact: true });

/** Dollars as the page prints them ("$0.0450") to micro-USD. */
function micros(text: string): number {
  const match = /\$([\d,]+\.\d+)/.exec(text);
  expect(match, `a dollar amount in "${text}"`).not.toBeNull();
  return Math.round(Number(match![1]!.replace(/,/g, "")) * 1_000_000);
}

const promptBox = (page: Page) => page.getByLabel("Prompt", { exact: true });
const modelButton = (page: Page, n: number) => page.getByRole("button", { name: new RegExp(`^Model for pane ${n}:`) });

async function pickModel(page: Page, n: number, search: string, option: string | RegExp) {
  await modelButton(page, n).click();
  const picker = page.getByRole("dialog", { name: `Model for pane ${n}` });
  await picker.getByRole("combobox", { name: "Filter models" }).fill(search);
  await picker.getByRole("option", { name: option }).first().click();
  await expect(picker).toBeHidden();
}

async function balance(page: Page): Promise<number> {
  return micros(await page.getByTestId("playground-balance").innerText());
}

async function waitDone(panes: Locator[]) {
  for (const p of panes) await expect(p.getByTestId("pane-state")).toHaveText(/^(Done|Failed|Cancelled)/, { timeout: 30_000 });
}

test("compare Flex 1K at 8 steps with Pro 1K: cost before, live progress, images, exact charge, winner, history, recall, share", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("playground"));
  await page.goto("/playground");
  await pickModel(page, 1, "flex", /FLUX\.2 \[flex\] · text-to-image · 1K/);
  await pickModel(page, 2, "pro", /FLUX\.2 \[pro\] · text-to-image · 1K/);
  await pane(page, 1).getByRole("button", { name: /8 steps/ }).click();
  await expect(pane(page, 1).getByLabel("Steps", { exact: true })).toHaveValue("8");
  await page.getByLabel("Test mode").uncheck();

  const estimate = micros(await page.getByTestId("estimated-cost").innerText());
  expect(estimate).toBeGreaterThan(0);
  const before = await balance(page);
  await shot(page, "playground", "desktop-2-panes-before");

  // Slow enough (4 s a job) to watch both panes go through their states.
  await promptBox(page).fill("a lighthouse on a cliff at dusk, volumetric fog [sim:slow=4000]");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  for (const n of [1, 2]) await expect(pane(page, n).getByTestId("pane-state")).toHaveText(/^(Waiting|Queued|Generating)$/);
  await waitDone([pane(page, 1), pane(page, 2)]);
  for (const n of [1, 2]) {
    await expect(pane(page, n).getByTestId("pane-state")).toHaveText(/^Done/);
    await expect(pane(page, n).getByRole("img")).toBeVisible();
    await expect(pane(page, n).getByTestId("pane-latency")).toHaveText(/\d/);
  }
  const costs = await Promise.all([1, 2].map(async (n) => micros(await pane(page, n).getByTestId("pane-cost").innerText())));
  expect(costs[0]! + costs[1]!).toBe(estimate);
  await expect.poll(() => balance(page)).toBe(before - estimate);
  await shot(page, "playground", "desktop-2-panes-done");

  await pane(page, 2).getByRole("button", { name: "Pick as winner" }).click();
  await expect(pane(page, 2).getByText("Winner")).toBeVisible();
  const runUrl = page.url();
  expect(runUrl).toMatch(/\?run=run_/);

  await page.getByRole("button", { name: "Compare" }).click();
  const compare = page.getByRole("dialog", { name: "Compare" });
  await expect(compare).toBeVisible();
  for (const mode of ["Fade", "Difference", "Side by side", "Slider"]) {
    await compare.getByText(mode, { exact: true }).click();
    await expect(compare.getByRole("radio", { name: mode })).toBeChecked();
  }
  await expect(compare.getByRole("img")).toHaveCount(2);
  await compare.getByRole("button", { name: "Zoom in" }).click();
  await shot(page, "playground", "desktop-compare-viewer");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Share" }).click();
  const shareUrl = await page.getByTestId("share-url").innerText();
  expect(shareUrl).toMatch(/\/p\/shr_/);

  // History, and recall: every setting comes back.
  await page.goto("/playground/history");
  await page.getByLabel("Search prompts").fill("lighthouse");
  await page.getByLabel("Search prompts").press("Enter");
  const row = page.getByRole("list", { name: "Runs" }).locator("> li").filter({ hasText: "lighthouse" });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: /^Reopen/ }).click();
  await expect(promptBox(page)).toHaveValue(/lighthouse/);
  await expect(pane(page, 1).getByLabel("Steps", { exact: true })).toHaveValue("8");
  await expect(modelButton(page, 2)).toContainText("FLUX.2 [pro]");

  // The share link, signed out.
  const visitor = await browser.newContext();
  const shared = await visitor.newPage();
  await shared.goto(shareUrl);
  await expect(shared.getByRole("heading", { level: 1 })).toContainText("lighthouse");
  await expect(shared.getByRole("region", { name: /^Pane \d$/ }).getByRole("img")).toHaveCount(2);
  const preview = await shared.locator('meta[property="og:image"]').getAttribute("content");
  expect((await shared.request.get(preview!)).headers()["content-type"]).toBe("image/png");
  await visitor.close();
});

test("one pane forced to fail shows its reason, the other succeeds, and only the success is charged", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, uniqueEmail("playground-fail"));
  await page.goto("/playground");
  await page.getByLabel("Test mode").uncheck();
  await promptBox(page).fill("a bowl of ramen, top-down");
  await pane(page, 2).getByText("Advanced").click();
  await pane(page, 2).getByLabel("Extra prompt for this pane").fill("[sim:fail]");
  const before = await balance(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await waitDone([pane(page, 1), pane(page, 2)]);
  await expect(pane(page, 1).getByTestId("pane-state")).toHaveText(/^Done/);
  await expect(pane(page, 2).getByTestId("pane-state")).toHaveText(/^Failed/);
  await expect(pane(page, 2).getByRole("alert")).toContainText(/./);
  const charged = micros(await pane(page, 1).getByTestId("pane-cost").innerText());
  await expect(pane(page, 2).getByTestId("pane-cost")).toHaveText("Not charged");
  await expect.poll(() => balance(page)).toBe(before - charged);

  // Re-running one pane starts only that pane again, and charges it again.
  await pane(page, 1).getByRole("button", { name: "Re-run" }).click();
  await expect(pane(page, 1).getByTestId("pane-state")).toHaveText("Done", { timeout: 30_000 });
  await expect(pane(page, 2).getByTestId("pane-state")).toHaveText("Failed");
  await expect.poll(() => balance(page)).toBe(before - 2 * charged);
});

test("blind mode hides the variants until the vote; a sweep over steps makes four panes", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, uniqueEmail("playground-blind"));
  await page.goto("/playground");
  await page.getByLabel("Blind comparison").check();
  await promptBox(page).fill("a paper crane on a desk");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await waitDone([pane(page, 1), pane(page, 2)]);
  const results = page.getByTestId("results");
  await expect(results).not.toContainText("FLUX.2");
  await expect(pane(page, 1)).toContainText("Variant A");
  await pane(page, 1).getByRole("button", { name: "Pick as winner" }).click();
  await expect(results).toContainText("FLUX.2");

  await page.getByLabel("Sweep").check();
  await page.getByLabel("Sweep model").selectOption({ label: "FLUX.2 [flex] · text-to-image · 1K" });
  await page.getByLabel("Sweep parameter").selectOption("steps");
  await page.getByRole("button", { name: "Fill the panes" }).click();
  for (const [n, steps] of [[1, "8"], [2, "16"], [3, "28"], [4, "50"]] as const) {
    await expect(pane(page, n).getByLabel("Steps", { exact: true })).toHaveValue(steps);
  }
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await waitDone([1, 2, 3, 4].map((n) => pane(page, n)));
  await shot(page, "playground", "desktop-4-panes-sweep");
});

test("keyboard only: Tab, Enter and Ctrl+Enter pick a model and run a two-pane comparison", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, uniqueEmail("playground-keys"));
  await page.goto("/playground");
  const focusByTab = async (target: Locator) => {
    for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
  };
  await focusByTab(promptBox(page));
  await page.keyboard.type("a glass of water on a windowsill");
  // Pane 2's model, by keyboard: Enter opens the picker, typing filters, arrows move, Enter picks.
  await focusByTab(modelButton(page, 2));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox", { name: "Filter models" })).toBeFocused();
  await page.keyboard.type("max 1k text");
  await page.keyboard.press("Enter");
  await expect(modelButton(page, 2)).toContainText("FLUX.2 [max] · text-to-image · 1K");
  await expect(modelButton(page, 2)).toBeFocused();
  await page.keyboard.press("Control+Enter");
  await waitDone([pane(page, 1), pane(page, 2)]);
  await expect(pane(page, 1).getByRole("img")).toBeVisible();
  await expect(pane(page, 2).getByRole("img")).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("panes stack, settings open in a sheet, and Run stays reachable; a signed-out visitor runs on the simulator", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/playground");
    await expect(page.getByRole("link", { name: /sign up/i }).first()).toBeVisible();
    await expect(page.getByLabel("Test mode")).toBeDisabled();
    await promptBox(page).fill("a red kite over a beach");
    const run = page.getByRole("button", { name: "Run", exact: true });
    await expect(run).toBeInViewport();
    await run.click();
    await waitDone([pane(page, 1), pane(page, 2)]);
    const [a, b] = await Promise.all([pane(page, 1).boundingBox(), pane(page, 2).boundingBox()]);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await shot(page, "playground", "phone-2-panes");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("dialog", { name: "Compare" }).getByRole("img")).toHaveCount(2);
    await page.screenshot({ path: `test-results/screenshots/playground/phone-compare-viewer.png` });
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Settings" }).click();
    const sheet = page.getByRole("dialog", { name: "Settings" });
    await expect(sheet).toBeVisible();
    await shot(page, "playground", "phone-settings-sheet");
    await sheet.getByLabel("Sweep", { exact: true }).check();
    await sheet.getByLabel("Sweep parameter").selectOption("steps");
    await sheet.getByRole("button", { name: "Fill the panes" }).click();
    await page.keyboard.press("Escape");
    await expect(pane(page, 4)).toBeVisible();
    await run.click();
    await waitDone([1, 2, 3, 4].map((n) => pane(page, n)));
    await shot(page, "playground", "phone-4-panes");
  });
});
