import OpenAI, { toFile } from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { fetchImage } from "./testing";

let sim: Simulator;
let client: OpenAI;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
  client = new OpenAI({ apiKey: "sk-sim", baseURL: `${sim.url}/openai/v1`, maxRetries: 0 });
});
afterAll(() => sim.stop());

type ImagesBody = { created: number; data: { b64_json?: string; url?: string; revised_prompt?: string }[]; usage?: Record<string, unknown> } & Record<string, unknown>;
type ErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

function generate(body: unknown, headers: Record<string, string> = { authorization: "Bearer sk-sim" }) {
  return fetch(`${sim.url}/openai/v1/images/generations`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const decode = (b64: string) => sharp(Buffer.from(b64, "base64")).metadata();

describe("OpenAI images", () => {
  it.each([
    ["1024x1024", "png", 1024, 1024],
    ["1536x1024", "jpeg", 1536, 1024],
    ["1024x1536", "webp", 1024, 1536],
    ["auto", "png", 1024, 1024],
  ] as const)("gpt-image-1.5 at %s as %s answers b64_json of that size", async (size, format, width, height) => {
    const response = await generate({ model: "gpt-image-1.5", prompt: "a koi pond [sim:hang@bfl]", size, output_format: format, quality: "low" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ImagesBody;
    expect(body).toMatchObject({ output_format: format, quality: "low", size: `${width}x${height}`, background: "opaque" });
    expect(body.usage).toMatchObject({ output_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(await decode(body.data[0]!.b64_json!)).toMatchObject({ format, width, height });
  });

  it("works through the openai SDK, n images at once, the same bytes for the same request", async () => {
    const request = { model: "gpt-image-1", prompt: "determinism", n: 2, size: "1024x1024" } as const;
    const first = await client.images.generate(request);
    const again = await client.images.generate(request);
    expect(first.data).toHaveLength(2);
    expect(first.data![0]!.b64_json).toBe(again.data![0]!.b64_json);
    expect(first.data![0]!.b64_json).not.toBe(first.data![1]!.b64_json);
  });

  it("answers dall-e-3 with a URL and a revised prompt", async () => {
    const response = await client.images.generate({ model: "dall-e-3", prompt: "a tram [sim:expire@bfl]", size: "1792x1024" });
    expect(response.data![0]!.revised_prompt).toBe("a tram");
    expect(await fetchImage(response.data![0]!.url!)).toMatchObject({ status: 200, format: "png", width: 1792, height: 1024 });
  });

  it("edits uploaded images through the SDK (image[] multipart), size auto following the first image", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#336" } }).png().toBuffer();
    const response = await client.images.edit({
      model: "gpt-image-1.5",
      prompt: "make it night",
      image: [await toFile(png, "a.png", { type: "image/png" }), await toFile(png, "b.png", { type: "image/png" })],
      size: "auto",
      input_fidelity: "high",
    });
    expect(response.size).toBe("1536x1024");
    expect(await decode(response.data![0]!.b64_json!)).toMatchObject({ width: 1536, height: 1024 });
    expect((response.usage!.input_tokens_details as { image_tokens: number }).image_tokens).toBeGreaterThan(0);
  });
});

describe("OpenAI errors", () => {
  it.each([
    ["no header", {}],
    ["a Key scheme", { authorization: "Key sk" }],
  ])("answers 401 to %s", async (_, headers) => {
    const response = await generate({ model: "gpt-image-1", prompt: "x" }, headers);
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({ type: "invalid_request_error", message: expect.any(String) });
  });

  it.each([
    [{ model: "gpt-image-1" }, 400, "prompt", "missing_required_parameter"],
    [{ model: "gpt-image-1", prompt: "" }, 400, "prompt", "empty_string"],
    [{ model: "gpt-image-1", prompt: "x", size: "640x480" }, 400, "size", "invalid_value"],
    [{ model: "gpt-image-1", prompt: "x", quality: "hd" }, 400, "quality", "invalid_value"],
    [{ model: "gpt-image-1", prompt: "x", n: 11 }, 400, "n", "integer_above_max_value"],
    [{ model: "gpt-image-1", prompt: "x", n: "2" }, 400, "n", "invalid_type"],
    [{ model: "gpt-image-1", prompt: "x", seed: 1 }, 400, "seed", "unknown_parameter"],
    [{ model: "gpt-image-1", prompt: "x", response_format: "url" }, 400, "response_format", "unsupported_value"],
    [{ model: "gpt-image-1", prompt: "x", background: "transparent", output_format: "jpeg" }, 400, "background", "invalid_value"],
    [{ model: "dall-e-3", prompt: "x", n: 2 }, 400, "n", "invalid_value"],
    [{ model: "gpt-image-9", prompt: "x" }, 404, "model", "model_not_found"],
  ])("%j is %i on %s (%s)", async (body, status, param, code) => {
    const response = await generate(body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({ param, code, message: expect.any(String) });
  });

  it.each([
    ["moderate", 400, "moderation_blocked"],
    ["fail", 500, null],
    ["429", 429, "rate_limit_exceeded"],
    ["500", 500, null],
    ["503", 503, "service_unavailable"],
  ])("[sim:%s] answers %i with code %s", async (directive, status, code) => {
    const response = await generate({ model: "gpt-image-1", prompt: `x [sim:${directive}]`, quality: "low" });
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    if (status === 429) expect(response.headers.get("retry-after")).toBe("1");
  });

  it("surfaces moderation through the SDK as a BadRequestError", async () => {
    await expect(client.images.generate({ model: "gpt-image-1", prompt: "x [sim:moderate]" })).rejects.toMatchObject({
      status: 400,
      code: "moderation_blocked",
    });
  });

  it("[sim:hang] holds the request until the client gives up", async () => {
    const controller = new AbortController();
    const answer = fetch(`${sim.url}/openai/v1/images/generations`, {
      method: "POST",
      headers: { authorization: "Bearer sk-hang", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-1", prompt: "x [sim:hang]" }),
      signal: controller.signal,
    }).then(
      () => "answered",
      () => "aborted",
    );
    const raced = await Promise.race([answer, new Promise((resolve) => setTimeout(() => resolve("still waiting"), 400))]);
    expect(raced).toBe("still waiting");
    controller.abort();
    expect(await answer).toBe("aborted");
  });

  it("answers an edit without an image with missing_required_parameter", async () => {
    const form = new FormData();
    form.append("model", "gpt-image-1");
    form.append("prompt", "x");
    const response = await fetch(`${sim.url}/openai/v1/images/edits`, { method: "POST", headers: { authorization: "Bearer sk" }, body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({ param: "image", code: "missing_required_parameter" });
  });
});
