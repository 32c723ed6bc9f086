import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, jsonOf, type RecordedRequest, type ReplayServer, type Reply, startReplayServer, withBody } from "./fixtures/replay-server";
import { createOpenAiAdapter, openaiAdapter } from "./openai";
import { type Endpoint, UpstreamError, type UpstreamJob } from "./types";

const PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const pngBytes = Buffer.from(PNG_B64, "base64");
const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

let server: ReplayServer;
let endpoint: Endpoint;
beforeAll(async () => {
  server = await startReplayServer({
    "GET /img/a.png": { raw: pngBytes, headers: { "content-type": "image/png" } },
    "GET /img/b.jpg": { raw: jpegBytes, headers: { "content-type": "image/jpeg; charset=binary" } },
    "GET /img/page.html": { raw: "<html></html>", headers: { "content-type": "text/html" } },
    "GET /img/missing.png": { status: 404, raw: "Not Found", headers: { "content-type": "text/plain" } },
    "GET /img/huge.png": { raw: Buffer.alloc(20 * 1024 * 1024 + 1), headers: { "content-type": "image/png" } },
  });
  endpoint = { baseUrl: `${server.url}/v1`, credential: "sk-test" };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => new Error("expected a rejection"), (e: unknown) => e);
  if (!(error instanceof UpstreamError)) throw error;
  return error;
}

const generation: UpstreamJob = {
  upstreamModel: "gpt-image-1.5",
  task: "text_to_image",
  input: { prompt: "An infographic about tides", aspect_ratio: "3:2", background: "transparent", output_format: "png" },
  width: 1536,
  height: 1024,
};

const edit = (urls: string[]): UpstreamJob => ({
  upstreamModel: "gpt-image-1.5",
  task: "image_to_image",
  input: { prompt: "Combine them", image_urls: urls, aspect_ratio: "match_input_image", background: "auto", input_fidelity: "high", output_format: "webp" },
  width: 1024,
  height: 1024,
});

async function formOf(request: RecordedRequest): Promise<FormData> {
  const headers = { "content-type": String(request.headers["content-type"]) };
  return new Request("http://form.local/", { method: "POST", headers, body: new Uint8Array(request.body) }).formData();
}

describe("openai generation", () => {
  it("sends one JSON generation and returns the image at once", async () => {
    server.route("POST /v1/images/generations", fixture("openai/generation"));
    const submitted = await openaiAdapter.submit(endpoint, generation);
    const sent = server.sole("POST /v1/images/generations");
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    expect(jsonOf(sent)).toEqual({
      model: "gpt-image-1.5",
      prompt: "An infographic about tides",
      n: 1,
      size: "1536x1024",
      quality: "high",
      background: "transparent",
      output_format: "png",
    });
    expect(submitted.ref).toEqual({ id: expect.stringMatching(/^openai_[0-9a-f]{24}$/), pollUrl: null });
    expect(submitted.status).toEqual({
      state: "succeeded",
      images: [{ base64: PNG_B64, contentType: "image/png", width: 1536, height: 1024 }],
    });
  });

  it("keeps a quality the input chose and gives every job its own ref", async () => {
    server.route("POST /v1/images/generations", fixture("openai/generation"));
    const a = await openaiAdapter.submit(endpoint, { ...generation, input: { prompt: "p", quality: "medium" }, width: 1024, height: 1536 });
    const b = await openaiAdapter.submit(endpoint, generation);
    expect(jsonOf(server.requests[0] as RecordedRequest)).toEqual({ model: "gpt-image-1.5", prompt: "p", n: 1, size: "1024x1536", quality: "medium" });
    expect(a.ref.id).not.toBe(b.ref.id);
  });

  it.each<[string, Reply]>([
    ["moderation_blocked", fixture("openai/error-moderation")],
    [
      "content_policy_violation",
      withBody(fixture("openai/error-moderation"), () => ({ error: { message: "Blocked by policy", type: "invalid_request_error", param: null, code: "content_policy_violation" } })),
    ],
  ])("%s is a moderated outcome, not an error", async (_, reply) => {
    server.route("POST /v1/images/generations", reply);
    const submitted = await openaiAdapter.submit(endpoint, generation);
    expect(submitted.status?.state).toBe("failed");
    expect(submitted.status).toMatchObject({ reason: "moderated" });
    expect(submitted.ref.pollUrl).toBeNull();
  });

  it.each<[string, Reply, string, number | undefined]>([
    ["429", fixture("openai/error-429"), "rate_limited", 20],
    ["500", fixture("openai/error-500"), "unavailable", undefined],
    ["401", fixture("openai/error-401"), "auth", undefined],
    ["400 invalid size", fixture("openai/error-400"), "rejected", undefined],
    ["a 200 without images", { status: 200, body: { created: 1, data: [] } }, "invalid_response", undefined],
  ])("%s -> %s", async (_, reply, kind, retryAfter) => {
    server.route("POST /v1/images/generations", reply);
    const error = await failure(openaiAdapter.submit(endpoint, generation));
    expect(error.kind).toBe(kind);
    expect(error.options.retryAfterSec).toBe(retryAfter);
  });

  it("summarises OpenAI's error message", async () => {
    server.route("POST /v1/images/generations", fixture("openai/error-400"));
    expect((await failure(openaiAdapter.submit(endpoint, generation))).message).toBe(
      "openai answered 400: Invalid value: '1000x1000'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.",
    );
  });

  it("honours the endpoint's timeout", async () => {
    server.route("POST /v1/images/generations", { ...fixture("openai/generation"), delayMs: 2000 });
    const error = await failure(openaiAdapter.submit({ ...endpoint, timeoutMs: 100 }, generation));
    expect(error.kind).toBe("unreachable");
  });
});

describe("openai edit", () => {
  it("uploads the downloaded input images as image[] parts", async () => {
    server.route("POST /v1/images/edits", withBody(fixture("openai/generation"), (b) => ({ ...b, output_format: "webp", size: "1024x1024" })));
    const submitted = await openaiAdapter.submit(endpoint, edit([`${server.url}/img/a.png`, `${server.url}/img/b.jpg`]));
    const sent = server.sole("POST /v1/images/edits");
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    expect(String(sent.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(sent);
    const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
    expect(fields).toEqual({
      model: "gpt-image-1.5",
      prompt: "Combine them",
      n: "1",
      size: "auto",
      quality: "high",
      background: "auto",
      output_format: "webp",
      input_fidelity: "high",
    });
    const parts = form.getAll("image[]") as File[];
    expect(parts.map((p) => [p.name, p.type])).toEqual([
      ["image-1.png", "image/png"],
      ["image-2.jpg", "image/jpeg"],
    ]);
    expect(Buffer.from(await (parts[0] as File).arrayBuffer())).toEqual(pngBytes);
    expect(Buffer.from(await (parts[1] as File).arrayBuffer())).toEqual(jpegBytes);
    expect(submitted.status).toEqual({
      state: "succeeded",
      images: [{ base64: PNG_B64, contentType: "image/webp", width: 1024, height: 1024 }],
    });
  });

  it.each([
    ["an image that answers 404", "/img/missing.png", "input image 1 answered 404"],
    ["a page that is not an image", "/img/page.html", "input image 1 is text/html, not png, jpeg or webp"],
    ["an image over 20 MB", "/img/huge.png", `input image 1 answered with more than ${20 * 1024 * 1024} bytes`],
  ])("refuses %s without calling OpenAI", async (_, path, message) => {
    const error = await failure(openaiAdapter.submit(endpoint, edit([`${server.url}${path}`])));
    expect(error.kind).toBe("rejected");
    expect(error.message).toBe(message);
    expect(server.requests.filter((r) => r.path.startsWith("/v1/"))).toHaveLength(0);
  });

  it("downloads through the fetch it was given", async () => {
    server.route("POST /v1/images/edits", fixture("openai/generation"));
    const fetched: string[] = [];
    const adapter = createOpenAiAdapter({
      fetchImage: (url, init) => {
        fetched.push(String(url));
        return fetch(url, init);
      },
    });
    await adapter.submit(endpoint, edit([`${server.url}/img/a.png`]));
    expect(fetched).toEqual([`${server.url}/img/a.png`]);
  });
});

describe("openai without async operations", () => {
  it("has nothing to poll, cancel or verify", async () => {
    const ref = { id: "openai_x", pollUrl: null };
    expect((await failure(openaiAdapter.poll(endpoint, ref))).kind).toBe("rejected");
    expect(await openaiAdapter.cancel(endpoint, ref)).toBe("unsupported");
    const request = { headers: new Headers(), rawBody: new Uint8Array() };
    expect((await failure(openaiAdapter.verifyWebhook(endpoint, request, "s"))).kind).toBe("rejected");
  });
});
