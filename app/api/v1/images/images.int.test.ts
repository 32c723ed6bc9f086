import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call, cloneVariant, jsonRequest, newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withGenerationStack } from "@/lib/testing/generation-stack";
import { POST as edits } from "./edits/route";
import { POST as generations } from "./generations/route";

// The OpenAI images API over tasks, one case per answer the routes can give, with a worker running.
withGenerationStack("images", { webhooks: true });

const url = "http://localhost/v1/images/generations";
const generate = (key: string | null, body: unknown) => call(generations, jsonRequest(url, key, body));

async function editRequest(key: string, fields: Record<string, string>, image?: Uint8Array) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (image) form.append("image", new File([image as BlobPart], "input.png", { type: "image/png" }));
  return call(edits, new Request("http://localhost/v1/images/edits", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form }));
}

const png = () => sharp({ create: { width: 64, height: 64, channels: 3, background: "#2a6" } }).png().toBuffer();

describe("POST /v1/images/generations", () => {
  it("200: n images, one task and one charge each, as URLs of our own media", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const { status, body } = await generate(key, { model: "flux-2-pro", prompt: "two kites", n: 2, size: "1024x768" });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(2);
    for (const item of body.data) expect(item.url).toMatch(/^http:\/\/localhost\/media\/med_[0-9a-z]{24}\.jpg$/);
    expect(await db.task.count({ where: { accountId, surface: "openai", state: "success" } })).toBe(2);
    expect(Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros)).toBe(USD - 2 * 35_000);
  });

  it("200: b64_json carries the image bytes, at the size asked for", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const { status, body } = await generate(key, { model: "flux-2-pro", prompt: "a square", size: "1024x1024", response_format: "b64_json", output_format: "png" });
    expect(status).toBe(200);
    const meta = await sharp(Buffer.from(body.data[0].b64_json, "base64")).metadata();
    expect(meta).toMatchObject({ format: "png", width: 1024, height: 1024 });
  });

  it("401: no key, in the OpenAI envelope", async () => {
    const { status, body } = await generate(null, { model: "flux-2-pro", prompt: "x" });
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: "authentication_error", code: "unauthorized" });
  });

  it("402: a balance below n images", async () => {
    const accountId = await newAccount(50_000);
    const { key } = await newKey(accountId);
    const { status, body } = await generate(key, { model: "flux-2-pro", prompt: "x", n: 2 });
    expect(status).toBe(402);
    expect(body.error.type).toBe("insufficient_credits");
    expect(await db.task.count({ where: { accountId } })).toBe(0);
  });

  it("404: an unknown model", async () => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await generate(key, { model: "dall-e-3", prompt: "x" });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ type: "not_found", param: "model" });
  });

  it.each([
    ["no prompt", { model: "flux-2-pro" }, "prompt"],
    ["n over 4", { model: "flux-2-pro", prompt: "x", n: 5 }, "n"],
    ["a size the tier does not render", { model: "flux-2-pro", prompt: "x", size: "2048x2048" }, "size"],
    ["an image model that needs an input image", { model: "flux-2-pro-image-to-image", prompt: "x" }, "model"],
  ])("422: %s", async (_, request, param) => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await generate(key, request);
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ type: "invalid_request_error", param });
  });

  it("429: past the key's request rate, with Retry-After", async () => {
    const { key } = await newKey(await newAccount(), { ratePer10s: 1, mode: "test" });
    expect((await generate(key, { model: "flux-2-pro", prompt: "x" })).status).toBe(200);
    const { status, body, headers } = await generate(key, { model: "flux-2-pro", prompt: "x" });
    expect(status).toBe(429);
    expect(body.error.type).toBe("rate_limit_error");
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("503 for a model in maintenance, 403 for a disabled one", async () => {
    const { key } = await newKey(await newAccount());
    const maintenance = await generate(key, { model: await cloneVariant("flux-2-pro-text-to-image-1k", "maintenance"), prompt: "x" });
    expect(maintenance.status).toBe(503);
    expect(maintenance.body.error).toMatchObject({ type: "service_unavailable", code: "maintenance" });
    const disabled = await generate(key, { model: await cloneVariant("flux-2-pro-text-to-image-1k", "disabled"), prompt: "x" });
    expect(disabled.status).toBe(403);
    expect(disabled.body.error.code).toBe("feature_disabled");
  });

  it("502: the generation failed, and nothing was charged", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const { status, body } = await generate(key, { model: "flux-2-pro", prompt: "x [sim:fail]" });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ type: "server_error", code: "generation_failed" });
    expect(Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros)).toBe(USD);
  });

  it("504: not ready within the wait, naming the task ids to poll", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    env.OPENAI_WAIT_SEC = 1;
    try {
      const { status, body } = await generate(key, { model: "flux-2-pro", prompt: "x [sim:hang]" });
      expect(status).toBe(504);
      expect(body.error.message).toMatch(/recordInfo\?taskId= for task_[a-z0-9]{20}/);
    } finally {
      env.OPENAI_WAIT_SEC = 120;
    }
  });
});

describe("POST /v1/images/edits", () => {
  it("200: a multipart upload reaches an image-to-image model", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const { status, body } = await editRequest(key, { model: "flux-2-pro-image-to-image", prompt: "make it red" }, await png());
    expect(status).toBe(200);
    expect(body.data[0].url).toMatch(/\/media\/med_/);
  });

  it("415 for a JSON body; 422 without an image, with a mask, or with a file that is not an image", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const json = await call(edits, jsonRequest("http://localhost/v1/images/edits", key, { model: "flux-2-pro-image-to-image", prompt: "x" }));
    expect(json.status).toBe(415);
    expect((await editRequest(key, { model: "flux-2-pro-image-to-image", prompt: "x" })).body.error.param).toBe("image");
    expect((await editRequest(key, { model: "flux-2-pro-image-to-image", prompt: "x", mask: "m" }, await png())).body.error.param).toBe("mask");
    const notImage = await editRequest(key, { model: "flux-2-pro-image-to-image", prompt: "x" }, new TextEncoder().encode("hello"));
    expect(notImage.status).toBe(422);
    expect(notImage.body.error.param).toBe("image");
  });
});
