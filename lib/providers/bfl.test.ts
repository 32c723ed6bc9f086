import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bflAdapter } from "./bfl";
import { fixture, jsonOf, type ReplayServer, type Reply, startReplayServer, withBody } from "./fixtures/replay-server";
import { type Endpoint, UpstreamError, type UpstreamJob, type UpstreamStatus } from "./types";

const ID = "9b2f7c1e-4d3a-4f7e-8c21-5a6b7c8d9e0f";
const POLL_PATH = "/eu4/v1/get_result";

let server: ReplayServer;
let endpoint: Endpoint;
beforeAll(async () => {
  server = await startReplayServer();
  endpoint = { baseUrl: `${server.url}/`, credential: "bfl-key-1" };
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

const flex1k: UpstreamJob = {
  upstreamModel: "flux-2-flex",
  task: "text_to_image",
  input: {
    prompt: "A lighthouse at dusk, oil painting",
    aspect_ratio: "4:3",
    steps: 50,
    guidance: 5,
    prompt_upsampling: true,
    seed: 42,
    safety_tolerance: 2,
    output_format: "jpeg",
  },
  width: 1024,
  height: 768,
};

const images = ["https://img.example/a.png", "https://img.example/b.jpg", "https://img.example/c.webp"];

describe("bfl submit: the request", () => {
  it.each<[string, UpstreamJob, string, Record<string, unknown>]>([
    [
      "flex 1K",
      flex1k,
      "/v1/flux-2-flex",
      {
        prompt: "A lighthouse at dusk, oil painting",
        width: 1024,
        height: 768,
        steps: 50,
        guidance: 5,
        prompt_upsampling: true,
        seed: 42,
        safety_tolerance: 2,
        output_format: "jpeg",
      },
    ],
    [
      "pro image-to-image with 3 images",
      {
        upstreamModel: "flux-2-pro",
        task: "image_to_image",
        input: { prompt: "Put the bottle on the table", image_urls: images, aspect_ratio: "16:9", disable_pup: true, safety_tolerance: 2, output_format: "png" },
        width: 1360,
        height: 768,
      },
      "/v1/flux-2-pro",
      {
        prompt: "Put the bottle on the table",
        input_image: images[0],
        input_image_2: images[1],
        input_image_3: images[2],
        width: 1360,
        height: 768,
        disable_pup: true,
        safety_tolerance: 2,
        output_format: "png",
      },
    ],
    [
      "kontext edit with match_input_image",
      {
        upstreamModel: "flux-kontext-pro",
        task: "edit",
        input: { prompt: "Make it winter", image_urls: [images[0]], aspect_ratio: "match_input_image", prompt_upsampling: false, safety_tolerance: 2, output_format: "png" },
        width: 1024,
        height: 1024,
      },
      "/v1/flux-kontext-pro",
      { prompt: "Make it winter", input_image: images[0], prompt_upsampling: false, safety_tolerance: 2, output_format: "png" },
    ],
    [
      "kontext text-to-image with a ratio",
      { upstreamModel: "flux-kontext-max", task: "text_to_image", input: { prompt: "p", aspect_ratio: "21:9" }, width: 1568, height: 672 },
      "/v1/flux-kontext-max",
      { prompt: "p", aspect_ratio: "21:9" },
    ],
    [
      "ultra with raw",
      { upstreamModel: "flux-pro-1.1-ultra", task: "text_to_image", input: { prompt: "p", aspect_ratio: "16:9", raw: true }, width: 2752, height: 1536 },
      "/v1/flux-pro-1.1-ultra",
      { prompt: "p", aspect_ratio: "16:9", raw: true },
    ],
    [
      "FLUX1.1 [pro] takes a size within 1440, not a ratio",
      { upstreamModel: "flux-pro-1.1", task: "text_to_image", input: { prompt: "p", aspect_ratio: "21:9", prompt_upsampling: false }, width: 1568, height: 672 },
      "/v1/flux-pro-1.1",
      { prompt: "p", width: 1440, height: 608, prompt_upsampling: false },
    ],
    [
      "flex with a size off the 16 grid",
      { ...flex1k, input: { prompt: "p" }, width: 1000, height: 750 },
      "/v1/flux-2-flex",
      { prompt: "p", width: 1008, height: 752 },
    ],
    [
      "max image-to-image matching the input",
      { upstreamModel: "flux-2-max", task: "image_to_image", input: { prompt: "p", image_urls: images.slice(0, 1), aspect_ratio: "match_input_image" }, width: 1024, height: 768 },
      "/v1/flux-2-max",
      { prompt: "p", input_image: images[0] },
    ],
  ])("%s", async (_, job, path, body) => {
    server.route(`POST ${path}`, fixture("bfl/submit"));
    await bflAdapter.submit(endpoint, job);
    const sent = server.sole(`POST ${path}`);
    expect(sent.headers["x-key"]).toBe("bfl-key-1");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(jsonOf(sent)).toEqual(body);
  });

  it("refuses more input images than the model takes, before calling", async () => {
    const job: UpstreamJob = { ...flex1k, upstreamModel: "flux-kontext-pro", task: "edit", input: { prompt: "p", image_urls: [...images, ...images] } };
    const error = await failure(bflAdapter.submit(endpoint, job));
    expect(error.kind).toBe("rejected");
    expect(error.message).toBe("bfl takes at most 4 input images on this model, got 6");
    expect(server.requests).toHaveLength(0);
  });
});

describe("bfl submit: the answer", () => {
  it("keeps the returned polling_url and turns cost credits into micros", async () => {
    server.route("POST /v1/flux-2-flex", fixture("bfl/submit"));
    expect(await bflAdapter.submit(endpoint, flex1k)).toEqual({
      ref: { id: ID, pollUrl: `${server.url}${POLL_PATH}?id=${ID}` },
      costMicros: 54_000,
    });
  });

  it("with a webhook, sends webhook_url and webhook_secret and polls get_result on the base URL", async () => {
    server.route("POST /v1/flux-2-flex", fixture("bfl/submit-webhook"));
    const webhook = { url: "https://gateway.example/api/upstream/bfl", secret: "s3cret" };
    const submitted = await bflAdapter.submit(endpoint, { ...flex1k, webhook });
    expect(jsonOf(server.sole("POST /v1/flux-2-flex"))).toMatchObject({ webhook_url: webhook.url, webhook_secret: webhook.secret });
    expect(submitted.ref.pollUrl).toBe(`${server.url}/v1/get_result?id=${ID}`);
  });

  it("an answer with no polling_url and no webhook is invalid", async () => {
    server.route("POST /v1/flux-2-flex", fixture("bfl/submit-webhook"));
    expect((await failure(bflAdapter.submit(endpoint, flex1k))).kind).toBe("invalid_response");
  });

  it.each<[string, Reply, string, number | undefined]>([
    ["422 validation", fixture("bfl/error-422"), "rejected", undefined],
    ["429 too many tasks", fixture("bfl/error-429"), "rate_limited", 7],
    ["402 out of credits", fixture("bfl/error-402"), "insufficient_funds", undefined],
    ["401", { status: 401, body: { detail: "Invalid API key" } }, "auth", undefined],
    ["503", { status: 503, body: { detail: "Service unavailable" } }, "unavailable", undefined],
  ])("%s -> %s", async (_, reply, kind, retryAfter) => {
    server.route("POST /v1/flux-2-flex", reply);
    const error = await failure(bflAdapter.submit(endpoint, flex1k));
    expect(error.kind).toBe(kind);
    expect(error.options.retryAfterSec).toBe(retryAfter);
  });

  it("summarises a 422's detail without the raw body", async () => {
    server.route("POST /v1/flux-2-flex", fixture("bfl/error-422"));
    expect((await failure(bflAdapter.submit(endpoint, flex1k))).message).toBe("bfl answered 422: width: Input should be a multiple of 16");
  });
});

describe("bfl poll", () => {
  const ref = () => ({ id: ID, pollUrl: `${server.url}${POLL_PATH}?id=${ID}` });
  const generating = fixture("bfl/poll-generating");

  it.each<[string, Reply, UpstreamStatus]>([
    ["Pending", fixture("bfl/poll-pending"), { state: "queued" }],
    ["Pending with progress", withBody(fixture("bfl/poll-pending"), (b) => ({ ...b, progress: 20 })), { state: "running", progress: 20 }],
    ["Reasoning", fixture("bfl/poll-reasoning"), { state: "running", progress: 10 }],
    ["Generating", generating, { state: "running", progress: 45 }],
    ["an unknown status", withBody(generating, (b) => ({ ...b, status: "Upscaling", progress: null })), { state: "running" }],
    [
      "Ready",
      fixture("bfl/poll-ready"),
      {
        state: "succeeded",
        images: [{ url: "https://delivery-eu4.bfl.ai/results/9b/2f7c1e4d3a/sample.jpeg?se=2026-12-01T20%3A10%3A00Z&sp=r&sv=2024-11-04&sr=b&sig=abc123" }],
        seed: 1234,
      },
    ],
    ["Error", fixture("bfl/poll-error"), { state: "failed", reason: "generation_failed", message: "Internal error while generating the image" }],
    ["Error without details", withBody(fixture("bfl/poll-error"), (b) => ({ ...b, details: null })), { state: "failed", reason: "generation_failed", message: "bfl reported Error" }],
    ["Request Moderated", fixture("bfl/poll-request-moderated"), { state: "failed", reason: "moderated", message: "Request Moderated: Derivative Works Filter" }],
    ["Content Moderated", fixture("bfl/poll-content-moderated"), { state: "failed", reason: "moderated", message: "Content Moderated: NSFW" }],
    ["Task not found", fixture("bfl/poll-task-not-found"), { state: "not_found" }],
    ["a 404 saying Task not found", { status: 404, body: { detail: "Task not found" } }, { state: "not_found" }],
  ])("%s", async (_, reply, status) => {
    server.route(`GET ${POLL_PATH}`, reply);
    expect(await bflAdapter.poll(endpoint, ref())).toEqual(status);
    const sent = server.sole(`GET ${POLL_PATH}`);
    expect(sent.query.get("id")).toBe(ID);
    expect(sent.headers["x-key"]).toBe("bfl-key-1");
  });

  it.each<[string, Reply, string]>([
    ["Ready without a sample", withBody(fixture("bfl/poll-ready"), (b) => ({ ...b, result: null })), "invalid_response"],
    ["429", fixture("bfl/error-429"), "rate_limited"],
    ["500", { status: 500, body: { detail: "Internal Server Error" } }, "unavailable"],
    ["another 404", { status: 404, body: { detail: "Not Found" } }, "rejected"],
  ])("%s -> %s", async (_, reply, kind) => {
    server.route(`GET ${POLL_PATH}`, reply);
    expect((await failure(bflAdapter.poll(endpoint, ref()))).kind).toBe(kind);
  });

  it("has no cancel", async () => {
    expect(await bflAdapter.cancel(endpoint, ref())).toBe("unsupported");
  });
});

describe("bfl verifyWebhook", () => {
  const secret = "whsec-for-bfl-tests";
  const event = { id: ID, status: "Ready", result: { sample: "https://delivery.bfl.ai/x.jpeg", prompt: "p", seed: 7 }, timestamp: 1764619806 };
  const sign = (body: string, key = secret) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
  const request = (body: string, signature: string | null) => ({
    headers: new Headers(signature === null ? {} : { "x-bfl-signature": signature }),
    rawBody: Buffer.from(body),
  });

  it("accepts a valid signature and maps the outcome", async () => {
    const body = JSON.stringify(event);
    expect(await bflAdapter.verifyWebhook(endpoint, request(body, sign(body)), secret)).toEqual({
      upstreamId: ID,
      status: { state: "succeeded", images: [{ url: "https://delivery.bfl.ai/x.jpeg" }], seed: 7 },
    });
  });

  it("maps a moderated outcome and ignores in-flight events", async () => {
    const moderated = JSON.stringify({ id: ID, status: "Content Moderated" });
    const pending = JSON.stringify({ id: ID, status: "Pending" });
    expect(await bflAdapter.verifyWebhook(endpoint, request(moderated, sign(moderated)), secret)).toEqual({
      upstreamId: ID,
      status: { state: "failed", reason: "moderated", message: "Content Moderated" },
    });
    expect(await bflAdapter.verifyWebhook(endpoint, request(pending, sign(pending)), secret)).toBeNull();
  });

  it.each<[string, () => ReturnType<typeof request>, string | undefined]>([
    ["a tampered body", () => request(JSON.stringify({ ...event, id: "other" }), sign(JSON.stringify(event))), secret],
    ["the wrong secret", () => request(JSON.stringify(event), sign(JSON.stringify(event), "another-secret")), secret],
    ["no signature header", () => request(JSON.stringify(event), null), secret],
    ["a signature without sha256=", () => request(JSON.stringify(event), sign(JSON.stringify(event)).slice(7)), secret],
    ["no secret to check with", () => request(JSON.stringify(event), sign(JSON.stringify(event))), undefined],
  ])("rejects %s", async (_, build, key) => {
    const error = await failure(bflAdapter.verifyWebhook(endpoint, build(), key));
    expect(error.kind).toBe("rejected");
  });

  it("a signed body that is not JSON is invalid_response", async () => {
    const error = await failure(bflAdapter.verifyWebhook(endpoint, request("not json", sign("not json")), secret));
    expect(error.kind).toBe("invalid_response");
  });
});
