import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paramsToZod } from "@/lib/catalog/params";
import { aspectRatioForSize, parseSize } from "@/lib/catalog/size";
import { catalogSource } from "@/lib/catalog/source";
import { buildApiExamples, KEY_PLACEHOLDER, sdkSizes } from "./api-examples";
import type { SampleVariant } from "./sample-input";

const execFileAsync = promisify(execFile);

/** Runs a script with bash; a non-zero exit is an answer here, not an exception. */
async function bash(script: string, timeout: number): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await execFileAsync("bash", ["-c", script], { timeout });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "" };
  }
}

const variants: SampleVariant[] = catalogSource.variants.map((v) => ({ ...v, family: { slug: v.familySlug } }));
const textToImage = variants.filter((v) => v.task === "text_to_image");
const withImages = variants.filter((v) => v.task !== "text_to_image");

function variant(slug: string): SampleVariant {
  const found = variants.find((v) => v.slug === slug);
  if (!found) throw new Error(`no variant ${slug}`);
  return found;
}

function curlBody(curl: string): { model: string; input: Record<string, unknown> } {
  const body = /-d '([\s\S]*?)'/.exec(curl)?.[1];
  if (!body) throw new Error("no -d body in the curl example");
  return JSON.parse(body);
}

/** The size a `size="WxH"` / `size: "WxH"` line asks for; null when the sample sends none. */
function sdkSize(code: string): string | null {
  return /size[=:] ?"(\d+x\d+)"/.exec(code)?.[1] ?? null;
}

/** What lib/tasks/openai-images.ts does with `size`: the aspect ratio it maps to, or null (422). */
function ratioForSize(v: SampleVariant, size: string): string | null {
  const ratio = v.parameters.find((p) => p.name === "aspect_ratio");
  const parsed = parseSize(size);
  if (ratio?.type !== "enum" || !parsed) return null;
  return aspectRatioForSize({ familySlug: v.family.slug, resolutionTier: v.resolutionTier }, ratio.options, parsed);
}

describe("buildApiExamples: the curl sample", () => {
  it.each(variants.map((v) => [v.slug, v] as const))("%s: its input passes the variant's own schema", (slug, v) => {
    const body = curlBody(buildApiExamples(v, "https://gw.example.com").curl);
    expect(body.model).toBe(slug);
    const parsed = paramsToZod(v.parameters).safeParse(body.input);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("sends the sample picture, by the instance's own URL, to every variant that takes images", () => {
    for (const v of withImages) {
      const { input } = curlBody(buildApiExamples(v, "https://gw.example.com/").curl);
      expect(input.image_urls, v.slug).toEqual(["https://gw.example.com/samples/input.jpg"]);
    }
    for (const v of textToImage) expect(curlBody(buildApiExamples(v, "https://gw.example.com").curl).input).toEqual({ prompt: expect.any(String) });
  });

  it("creates the task at <base>/api/v1/jobs/createTask and polls recordInfo with the id it got back", () => {
    const { curl } = buildApiExamples(variant("flux-2-flex-text-to-image-2k"), "http://localhost:3000/");
    expect(curl).toContain("curl -sS -X POST http://localhost:3000/api/v1/jobs/createTask \\");
    expect(curl).toContain(`-H "Authorization: Bearer ${KEY_PLACEHOLDER}"`);
    expect(curl).toContain('"http://localhost:3000/api/v1/jobs/recordInfo?taskId=$TASK_ID"');
    expect(curl).toContain('"model": "flux-2-flex-text-to-image-2k"');
  });
});

describe("buildApiExamples: the OpenAI SDK samples", () => {
  it.each(textToImage.map((v) => [v.slug, v] as const))("%s: images.generate with a size the route accepts", (slug, v) => {
    const { python, javascript } = buildApiExamples(v, "https://gw.example.com");
    for (const code of [python, javascript]) {
      expect(code).toContain("images.generate(");
      expect(code).not.toContain("images.edit(");
      const size = sdkSize(code);
      expect(size, slug).not.toBeNull();
      expect(ratioForSize(v, size!), `${slug} ${size}`).not.toBeNull();
    }
  });

  it.each(withImages.map((v) => [v.slug, v] as const))("%s: images.edit with the downloaded sample picture", (slug, v) => {
    const { python, javascript } = buildApiExamples(v, "https://gw.example.com");
    for (const code of [python, javascript]) {
      expect(code).toContain("images.edit(");
      expect(code).toContain("curl -O https://gw.example.com/samples/input.jpg");
      expect(code).toContain(`"${slug}"`);
    }
    expect(python).toContain('image=open("input.jpg", "rb"),');
    expect(javascript).toContain('image: fs.createReadStream("input.jpg"),');
    expect(javascript).toContain('import fs from "node:fs";');
  });

  it("points both SDKs at <base>/v1 and asks for the default shape at the tier's pixels", () => {
    const { python, javascript } = buildApiExamples(variant("flux-2-pro-text-to-image-1k"), "https://gw.example.com/");
    expect(python).toContain(`OpenAI(base_url="https://gw.example.com/v1", api_key="${KEY_PLACEHOLDER}")`);
    expect(python).toContain('model="flux-2-pro-text-to-image-1k"');
    expect(python).toContain('size="1024x768"');
    expect(javascript).toContain(`new OpenAI({ baseURL: "https://gw.example.com/v1", apiKey: "${KEY_PLACEHOLDER}" })`);
    expect(javascript).toContain('size: "1024x768",');
  });

  it.each(variants.map((v) => [v.slug, v] as const))("%s: lists only sizes the OpenAI routes accept", (slug, v) => {
    for (const size of sdkSizes(v)) expect(ratioForSize(v, size), `${slug} ${size}`).not.toBeNull();
  });

  it("offers sizes rounded to multiples of 16 (3:2 at 1K is 1024x688), which the images route takes", () => {
    expect(sdkSizes(variant("flux-2-pro-text-to-image-1k"))).toContain("1024x688");
  });

  it.each([
    ["flux-2-pro-text-to-image-1k", ["1024x768", "1024x1024"]],
    ["flux-2-flex-text-to-image-2k", ["2048x1536", "2048x2048"]],
    ["gpt-image-1.5-text-to-image-high", ["1024x1024", "1536x1024", "1024x1536"]],
    ["flux-2-pro-image-to-image-1k", ["1024x1024", "1024x768"]],
  ])("sdkSizes(%s) starts with the default shape and lists the others", (slug, expected) => {
    const sizes = sdkSizes(variant(slug));
    expect(sizes.slice(0, expected.length)).toEqual(expected);
    expect(new Set(sizes).size).toBe(sizes.length);
  });
});

type Exchange = { method: string; url: string; auth: string | undefined; body: string };

/** A loopback stand-in for createTask and recordInfo: the task succeeds on the second poll. */
function fakeGateway(createStatus: number) {
  const seen: Exchange[] = [];
  let polls = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      if (req.url === "/api/v1/jobs/createTask") {
        res.statusCode = createStatus;
        res.end(
          createStatus === 200
            ? JSON.stringify({ code: 200, msg: "success", data: { taskId: "task_0123456789abcdefghij" } })
            : JSON.stringify({ code: createStatus, msg: "Invalid API key.", data: null }),
        );
        return;
      }
      polls += 1;
      const state = polls >= 2 ? "success" : "generating";
      res.end(JSON.stringify({ code: 200, msg: "success", data: { taskId: "task_0123456789abcdefghij", state, resultJson: "" } }));
    });
  });
  return { server, seen };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the curl sample, run by bash against a loopback server", () => {
  const ok = fakeGateway(200);
  const refused = fakeGateway(401);
  let okBase = "";
  let refusedBase = "";
  beforeAll(async () => {
    okBase = await listen(ok.server);
    refusedBase = await listen(refused.server);
  });
  afterAll(() => {
    ok.server.close();
    refused.server.close();
  });

  it("creates the task, polls its id until success, and ends", async () => {
    const v = variant("flux-2-pro-image-to-image-1k");
    const script = buildApiExamples(v, okBase).curl.replaceAll(KEY_PLACEHOLDER, "lg_test_sample");
    const { code, stdout } = await bash(script, 20_000);

    expect(code).toBe(0);
    expect(stdout).toContain('"code":200');
    expect(stdout.trim().split("\n").at(-1)).toContain('"state":"success"');
    expect(ok.seen.map((e) => `${e.method} ${e.url}`)).toEqual([
      "POST /api/v1/jobs/createTask",
      "GET /api/v1/jobs/recordInfo?taskId=task_0123456789abcdefghij",
      "GET /api/v1/jobs/recordInfo?taskId=task_0123456789abcdefghij",
    ]);
    expect(ok.seen.every((e) => e.auth === "Bearer lg_test_sample")).toBe(true);
    expect(JSON.parse(ok.seen[0]!.body)).toEqual(curlBody(script));
  });

  it("prints the refusal and does not poll when createTask answers an error", async () => {
    const script = buildApiExamples(variant("qwen-image-text-to-image"), refusedBase).curl;
    const { code, stdout } = await bash(script, 10_000);
    expect(code).toBe(1);
    expect(stdout).toContain('"code":401');
    expect(refused.seen.map((e) => e.url)).toEqual(["/api/v1/jobs/createTask"]);
  });
});
