import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { cli, runTask, signUp, uniqueEmail } from "./support";

// Every page, light and dark, through axe's WCAG 2.1 A and AA rules: a serious or critical violation fails.
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const publicPages = [
  "/",
  "/models",
  "/models?task=edit",
  "/models/flux-2-pro",
  "/models/family/flux-2-flex",
  "/models/compare?models=flux-2-pro,flux-2-flex,gpt-image-1.5",
  "/models/collections",
  "/models/collections/fastest",
  "/models/flux-2-flx",
  "/playground",
  "/docs",
  "/docs/errors",
  "/status",
  "/terms",
  "/privacy",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
];

const signedInPages = [
  "/dashboard",
  "/dashboard/keys",
  "/dashboard/billing",
  "/dashboard/billing/transactions",
  "/dashboard/usage",
  "/dashboard/tasks",
  "/dashboard/providers",
  "/dashboard/settings",
  "/playground/history",
  "/admin",
];

async function violations(page: Page, path: string, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path} (${colorScheme}) ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n")}`);
}

test("axe finds no serious or critical violation on any public page, light and dark", async ({ page }) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  for (const path of publicPages) {
    for (const scheme of ["light", "dark"] as const) found.push(...(await violations(page, path, scheme)));
  }
  expect(found.join("\n")).toBe("");
});

test("axe finds no serious or critical violation on any signed-in page, light and dark", async ({ page, request }) => {
  test.setTimeout(300_000);
  const email = uniqueEmail("a11y");
  await signUp(page, email);
  await cli("users:admin", email);
  const key = (await cli("keys:create", email, "--name", "a11y")).at(-1)!;
  const task = await runTask(request, key, { model: "flux-2-pro", input: { prompt: "a11y: a lighthouse" } });
  expect(task.state).toBe("success");

  // A shared playground run, for its public page.
  const run = await page.request.post("/api/playground/runs", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      prompt: "a11y: a harbour",
      seed: 7,
      aspectRatio: "1:1",
      mode: "test",
      panes: [{ variant: "flux-2-pro", params: {} }, { variant: "flux-2-flex", params: {} }],
    },
  });
  expect(run.status()).toBe(200);
  const runId: string = (await run.json()).data.id;
  const share = await page.request.post(`/api/playground/runs/${runId}/share`, { headers: { Origin: new URL(page.url()).origin } });
  expect(share.status()).toBe(200);
  const shareUrl: string = (await share.json()).data.shareUrl;

  const found: string[] = [];
  for (const path of [...signedInPages, `/dashboard/tasks/${task.taskId}`, new URL(shareUrl).pathname]) {
    for (const scheme of ["light", "dark"] as const) found.push(...(await violations(page, path, scheme)));
  }
  expect(found.join("\n")).toBe("");
});
