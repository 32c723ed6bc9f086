import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { cli } from "./support";

const execFileAsync = promisify(execFile);

async function testKey(): Promise<string> {
  const email = `docs-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await cli("users:create", email, "correct horse battery");
  return (await cli("keys:create", email, "--test", "--name", "docs")).at(-1)!;
}

test("the API reference renders with no request leaving this origin, and its createTask curl makes an image", async ({ page, context, baseURL, request }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) elsewhere.push(url);
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });

  await page.goto("/docs");
  await page.getByRole("navigation", { name: "Documentation" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await page.getByText("Create a generation task").first().click();
  const sample = page.locator("pre", { hasText: "/api/v1/jobs/createTask" }).filter({ hasText: "curl" }).first();
  await expect(sample).toContainText("--request POST");
  await page.waitForLoadState("networkidle");
  expect(elsewhere).toEqual([]);

  const curl = (await sample.textContent())!;
  expect(curl).toContain(`curl ${origin}/api/v1/jobs/createTask`);
  const key = await testKey();
  const { stdout } = await execFileAsync("bash", ["-c", curl.replace("YOUR_SECRET_TOKEN", key)], { timeout: 30_000 });
  const created = JSON.parse(stdout);
  expect(created).toMatchObject({ code: 200, data: { taskId: expect.stringMatching(/^task_/) } });

  const auth = { Authorization: `Bearer ${key}` };
  let record: { state?: string; resultJson?: string } = {};
  await expect
    .poll(async () => {
      record = (await (await request.get(`/api/v1/jobs/recordInfo?taskId=${created.data.taskId}`, { headers: auth })).json()).data;
      return record.state;
    }, { timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe("success");
  const url: string = JSON.parse(record.resultJson!).resultUrls[0];
  const image = await request.get(url);
  expect(image.status()).toBe(200);
  // The sample asks for 16:9.
  const { width, height } = await sharp(await image.body()).metadata();
  expect(width! / height!).toBeCloseTo(16 / 9, 1);
});

test("every guide opens from the docs index, and error answers link their section", async ({ page, request }) => {
  await page.goto("/docs");
  const guides = page.getByRole("navigation", { name: "Documentation" }).getByRole("link");
  const names = (await guides.allTextContents()).filter((n) => n !== "Overview" && n !== "API reference");
  expect(names.length).toBeGreaterThanOrEqual(8);
  for (const name of names) {
    await page.getByRole("navigation", { name: "Documentation" }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  }

  const refused = await request.post("/api/v1/jobs/createTask", { data: { model: "flux-2-pro", input: {} } });
  expect(refused.status()).toBe(401);
  const { doc_url } = await refused.json();
  await page.goto(doc_url);
  await expect(page.locator("#unauthorized")).toBeVisible();
});

test("llms.txt and llms-full.txt summarise the API for agents", async ({ request, baseURL }) => {
  const index = await request.get("/llms.txt");
  expect(index.headers()["content-type"]).toContain("text/plain");
  const text = await index.text();
  expect(text).toMatch(/^# Lumigate\n/);
  expect(text).toContain(`${new URL(baseURL!).origin}/docs/quickstart`);
  const full = await (await request.get("/llms-full.txt")).text();
  expect(full).toContain("### POST /api/v1/jobs/createTask");
  expect(full).toMatch(/- `flux-2-pro[a-z0-9-]*`: FLUX\.2 \[pro\]/);
});
