import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { cli } from "./support";

const execFileAsync = promisify(execFile);
const KEY_PLACEHOLDER = "lg_live_...";

/** A new user's test key, through the operator CLI: test keys run free on the simulator. */
async function testKey(): Promise<string> {
  const email = `samples-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await cli("users:create", email, "correct horse battery");
  const key = (await cli("keys:create", email, "--test", "--name", "samples")).at(-1)!;
  expect(key).toMatch(/^lg_test_/);
  return key;
}

/** The curl sample exactly as the model page shows it in its code block. */
async function curlSampleOf(page: Page, slug: string): Promise<string> {
  await page.goto(`/models/${slug}`);
  await page.getByRole("tab", { name: "curl" }).click();
  const code = page.getByRole("tabpanel").locator("pre code");
  await expect(code).toContainText("createTask");
  return (await code.textContent()) ?? "";
}

async function bash(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync("bash", ["-c", script], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

const realUpstream = ["BFL_API_KEY", "FAL_KEY", "REPLICATE_API_TOKEN", "OPENAI_API_KEY"].some((name) => process.env[name]);

const samplePages = [
  { slug: "flux-2-pro-text-to-image-1k", takesImage: false },
  { slug: "flux-2-pro-image-to-image-1k", takesImage: true },
  { slug: "qwen-image-image-to-image", takesImage: true },
  // Routed to OpenAI first, whose edits need the bytes: the sample image is read from public/.
  { slug: "gpt-image-1.5-image-to-image-high", takesImage: true },
];

for (const { slug, takesImage } of samplePages) {
  test(`the curl sample on /models/${slug} runs as shown with a test key`, async ({ page, request, baseURL }) => {
    test.setTimeout(90_000);
    const key = await testKey();
    const sample = await curlSampleOf(page, slug);
    expect(sample).toContain(`curl -sS -X POST ${baseURL}/api/v1/jobs/createTask`);
    expect(sample).toContain(`"model": "${slug}"`);
    if (takesImage) expect(sample).toContain(`"${baseURL}/samples/input.jpg"`);

    const { code, stdout, stderr } = await bash(sample.replaceAll(KEY_PLACEHOLDER, key));
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toContain('"code":200');
    const taskId: string = JSON.parse(lines[0]!).data.taskId;
    expect(taskId).toMatch(/^task_[0-9a-z]{20}$/);
    expect(lines.at(-1)).toContain(`"taskId":"${taskId}"`);
    expect(lines.at(-1)).toContain('"state":"success"');

    const auth = { Authorization: `Bearer ${key}` };
    let record: Record<string, unknown> = {};
    await expect
      .poll(
        async () => {
          record = (await (await request.get(`/api/v1/jobs/recordInfo?taskId=${taskId}`, { headers: auth })).json()).data;
          return record.state;
        },
        { timeout: 30_000, intervals: [250, 500, 1000] },
      )
      .toBe("success");
    expect(record).toMatchObject({ model: slug, simulated: true, costMicros: 0 });
    const image = await request.get(JSON.parse(record.resultJson as string).resultUrls[0]);
    expect(image.status()).toBe(200);
  });
}

test("the sample picture the image samples send is served by the instance", async ({ request }) => {
  const image = await request.get("/samples/input.jpg");
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/jpeg");
  const bytes = await image.body();
  expect(bytes.subarray(0, 3).toString("hex")).toBe("ffd8ff");
  expect(bytes.length).toBeGreaterThan(10_000);
});

test("with no upstream configured, badges say Simulated and the demo banner hides for the session", async ({ page, browser, baseURL }) => {
  test.skip(realUpstream, "a real upstream credential is configured for this run");
  await page.goto("/models");
  const badges = page.getByTestId("serving-status");
  await expect(badges.first()).toBeVisible();
  expect(new Set(await badges.evaluateAll((els) => els.map((el) => el.getAttribute("data-status"))))).toEqual(new Set(["simulated"]));
  await expect(badges.first()).toHaveAttribute("title", /placeholder images from the built-in simulator/);

  const banner = page.getByRole("region", { name: "Demo mode" });
  await expect(banner).toContainText("every image comes from the built-in simulator");
  await expect(banner).toContainText("BFL_API_KEY");
  await banner.getByRole("button", { name: "Hide the demo mode notice" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.locator("#main")).toBeFocused();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Demo mode" })).toHaveCount(0);

  const nextSession = await browser.newContext({ baseURL });
  const fresh = await nextSession.newPage();
  await fresh.goto("/");
  await expect(fresh.getByRole("region", { name: "Demo mode" })).toBeVisible();
  await nextSession.close();
});
