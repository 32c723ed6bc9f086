import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, jsonOf, type ReplayServer, type Reply, startReplayServer, withBody } from "./fixtures/replay-server";
import { replicateAdapter } from "./replicate";
import { type Endpoint, UpstreamError, type UpstreamJob, type UpstreamRef, type UpstreamStatus } from "./types";

const ID = "ufawqhfynnddngldkgtslldrkq";
const CREATE = "POST /v1/models/black-forest-labs/flux-2-pro/predictions";

let server: ReplayServer;
let endpoint: Endpoint;
beforeAll(async () => {
  server = await startReplayServer();
  endpoint = { baseUrl: `${server.url}/v1`, credential: "r8_token" };
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

const images = ["https://img.example/a.png", "https://img.example/b.jpg", "https://img.example/c.webp"];
const pro1k: UpstreamJob = {
  upstreamModel: "black-forest-labs/flux-2-pro",
  task: "text_to_image",
  input: { prompt: "A lighthouse", aspect_ratio: "4:3", seed: 42, safety_tolerance: 0, output_format: "webp", disable_pup: false },
  width: 1024,
  height: 768,
};
const pro = (input: Record<string, unknown>, width = 1024, height = 768): UpstreamJob => ({ ...pro1k, input: { prompt: "p", ...input }, width, height });

describe("replicate submit: the request", () => {
  it.each<[string, UpstreamJob, Record<string, unknown>]>([
    ["pro 1K with a listed ratio", pro1k, { prompt: "A lighthouse", aspect_ratio: "4:3", seed: 42, output_format: "webp", safety_tolerance: 1 }],
    ["a ratio Replicate does not list", pro({ aspect_ratio: "21:9" }, 1568, 672), { prompt: "p", aspect_ratio: "custom", width: 1568, height: 672 }],
    ["jpeg, which Replicate spells jpg", pro({ aspect_ratio: "4:3", output_format: "jpeg" }), { prompt: "p", aspect_ratio: "4:3", output_format: "jpg" }],
    ["a 2K size", pro({ aspect_ratio: "4:3" }, 2048, 1536), { prompt: "p", aspect_ratio: "custom", width: 2048, height: 1536 }],
    ["sizes snapped to 32 within 256–2048", pro({ aspect_ratio: "9:21" }, 200, 3000), { prompt: "p", aspect_ratio: "custom", width: 256, height: 2048 }],
    ["an odd size", pro({ aspect_ratio: "21:9" }, 1000, 429), { prompt: "p", aspect_ratio: "custom", width: 992, height: 416 }],
    [
      "image-to-image with 3 images matching the input",
      { ...pro({ image_urls: images, aspect_ratio: "match_input_image" }), task: "image_to_image" },
      { prompt: "p", input_images: images, aspect_ratio: "match_input_image" },
    ],
    [
      "qwen edit takes one image",
      { ...pro({ image_urls: images.slice(0, 1), aspect_ratio: "match_input_image" }), upstreamModel: "qwen/qwen-image-edit", task: "image_to_image" },
      { prompt: "p", image: images[0], aspect_ratio: "match_input_image" },
    ],
    [
      "ideogram character takes character_reference_image",
      { ...pro({ image_urls: images.slice(0, 1), aspect_ratio: "1:1" }, 1024, 1024), upstreamModel: "ideogram-ai/ideogram-character", task: "image_to_image" },
      { prompt: "p", character_reference_image: images[0], aspect_ratio: "1:1" },
    ],
    [
      "flex controls",
      pro({ aspect_ratio: "1:1", steps: 30, guidance: 4.5, prompt_upsampling: true, safety_tolerance: 6 }, 1024, 1024),
      { prompt: "p", aspect_ratio: "1:1", steps: 30, guidance: 4.5, prompt_upsampling: true, safety_tolerance: 5 },
    ],
  ])("%s", async (_, job, input) => {
    const create = `POST /v1/models/${job.upstreamModel}/predictions`;
    server.route(create, fixture("replicate/prediction-starting"));
    await replicateAdapter.submit(endpoint, job);
    const sent = server.sole(create);
    expect(sent.headers.authorization).toBe("Bearer r8_token");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(jsonOf(sent)).toEqual({ input });
  });

  it("asks for the completed event only when given a webhook", async () => {
    server.route(CREATE, fixture("replicate/prediction-starting"));
    await replicateAdapter.submit(endpoint, { ...pro1k, webhook: { url: "https://gateway.example/hooks/replicate", secret: "x" } });
    expect(jsonOf(server.sole(CREATE))).toMatchObject({ webhook: "https://gateway.example/hooks/replicate", webhook_events_filter: ["completed"] });
  });

  it("refuses a model that is not owner/name, before calling", async () => {
    const error = await failure(replicateAdapter.submit(endpoint, { ...pro1k, upstreamModel: "flux-2-pro" }));
    expect(error.kind).toBe("rejected");
    expect(server.requests).toHaveLength(0);
  });
});

describe("replicate submit: the answer", () => {
  it("keeps urls.get and urls.cancel", async () => {
    server.route(CREATE, fixture("replicate/prediction-starting"));
    expect(await replicateAdapter.submit(endpoint, pro1k)).toEqual({
      ref: { id: ID, pollUrl: `${server.url}/v1/predictions/${ID}`, cancelUrl: `${server.url}/v1/predictions/${ID}/cancel` },
    });
  });

  it("falls back to the documented routes when urls are missing", async () => {
    server.route(CREATE, withBody(fixture("replicate/prediction-starting"), (b) => ({ ...b, urls: null })));
    const submitted = await replicateAdapter.submit(endpoint, pro1k);
    expect(submitted.ref).toEqual({ id: ID, pollUrl: `${server.url}/v1/predictions/${ID}`, cancelUrl: `${server.url}/v1/predictions/${ID}/cancel` });
  });

  it("carries an outcome that came back at once", async () => {
    server.route(CREATE, { ...fixture("replicate/prediction-succeeded"), status: 201 });
    expect((await replicateAdapter.submit(endpoint, pro1k)).status).toEqual({
      state: "succeeded",
      images: [{ url: "https://replicate.delivery/xezq/Ab3dE/output.webp" }],
    });
  });

  it.each<[string, Reply, string, number | undefined]>([
    ["429 throttled, wait read from the detail", fixture("replicate/error-429"), "rate_limited", 2],
    ["429 with Retry-After", { ...fixture("replicate/error-429"), headers: { "retry-after": "5" } }, "rate_limited", 5],
    ["422 invalid input", fixture("replicate/error-422"), "rejected", undefined],
    ["401", { status: 401, body: { title: "Unauthenticated", detail: "You did not pass a valid authentication token", status: 401 } }, "auth", undefined],
    ["402", { status: 402, body: { title: "Payment required", detail: "Billing required", status: 402 } }, "insufficient_funds", undefined],
    ["500", { status: 500, body: { detail: "Internal server error" } }, "unavailable", undefined],
  ])("%s -> %s", async (_, reply, kind, retryAfter) => {
    server.route(CREATE, reply);
    const error = await failure(replicateAdapter.submit(endpoint, pro1k));
    expect(error.kind).toBe(kind);
    expect(error.options.retryAfterSec).toBe(retryAfter);
  });
});

describe("replicate poll", () => {
  const ref = (): UpstreamRef => ({ id: ID, pollUrl: `${server.url}/v1/predictions/${ID}`, cancelUrl: `${server.url}/v1/predictions/${ID}/cancel` });
  const failed = fixture("replicate/prediction-failed");
  const failedWith = (error: unknown) => withBody(failed, (b) => ({ ...b, error }));

  it.each<[string, Reply, UpstreamStatus]>([
    ["starting", fixture("replicate/prediction-starting"), { state: "queued" }],
    ["processing, with a progress bar in the logs", fixture("replicate/prediction-processing"), { state: "running", progress: 46 }],
    ["processing, no logs yet", withBody(fixture("replicate/prediction-processing"), (b) => ({ ...b, logs: null })), { state: "running" }],
    ["an unknown status", withBody(fixture("replicate/prediction-processing"), (b) => ({ ...b, status: "booting", logs: "" })), { state: "running" }],
    ["succeeded", fixture("replicate/prediction-succeeded"), { state: "succeeded", images: [{ url: "https://replicate.delivery/xezq/Ab3dE/output.webp" }] }],
    [
      "succeeded with a list",
      withBody(fixture("replicate/prediction-succeeded"), (b) => ({ ...b, output: ["https://r.example/0.png", "https://r.example/1.png"] })),
      { state: "succeeded", images: [{ url: "https://r.example/0.png" }, { url: "https://r.example/1.png" }] },
    ],
    ["failed", failed, { state: "failed", reason: "generation_failed", message: "Prediction failed: CUDA error: an illegal memory access was encountered" }],
    ["failed on NSFW", failedWith("NSFW content detected. Try running it again."), { state: "failed", reason: "moderated", message: "NSFW content detected. Try running it again." }],
    [
      "failed as sensitive (E005)",
      failedWith("The input or output was flagged as sensitive. (E005)"),
      { state: "failed", reason: "moderated", message: "The input or output was flagged as sensitive. (E005)" },
    ],
    ["failed a safety check", failedWith("Image failed the safety check"), { state: "failed", reason: "moderated", message: "Image failed the safety check" }],
    ["failed with no error text", failedWith(null), { state: "failed", reason: "generation_failed", message: "replicate prediction failed" }],
    ["canceled", fixture("replicate/prediction-canceled"), { state: "failed", reason: "canceled", message: "replicate prediction was canceled" }],
    ["aborted", fixture("replicate/prediction-aborted"), { state: "failed", reason: "upstream_error", message: "replicate aborted the prediction past its deadline" }],
  ])("%s", async (_, reply, status) => {
    server.route(`GET /v1/predictions/${ID}`, reply);
    expect(await replicateAdapter.poll(endpoint, ref())).toEqual(status);
    expect(server.sole(`GET /v1/predictions/${ID}`).headers.authorization).toBe("Bearer r8_token");
  });

  it.each<[string, Reply, string]>([
    ["succeeded without output", withBody(fixture("replicate/prediction-succeeded"), (b) => ({ ...b, output: null })), "invalid_response"],
    ["429", fixture("replicate/error-429"), "rate_limited"],
    ["404", { status: 404, body: { detail: "Not found.", status: 404 } }, "rejected"],
  ])("%s -> %s", async (_, reply, kind) => {
    server.route(`GET /v1/predictions/${ID}`, reply);
    expect((await failure(replicateAdapter.poll(endpoint, ref()))).kind).toBe(kind);
  });
});

describe("replicate cancel", () => {
  const ref = (): UpstreamRef => ({ id: ID, pollUrl: null, cancelUrl: `${server.url}/v1/predictions/${ID}/cancel` });

  it.each<[string, Reply, string]>([
    ["canceled", fixture("replicate/prediction-canceled"), "canceled"],
    ["still processing (cancel requested)", fixture("replicate/prediction-processing"), "canceled"],
    ["already succeeded", fixture("replicate/prediction-succeeded"), "too_late"],
    ["already failed", fixture("replicate/prediction-failed"), "too_late"],
  ])("%s -> %s", async (_, reply, outcome) => {
    server.route(`POST /v1/predictions/${ID}/cancel`, reply);
    expect(await replicateAdapter.cancel(endpoint, ref())).toBe(outcome);
    expect(server.sole(`POST /v1/predictions/${ID}/cancel`).headers.authorization).toBe("Bearer r8_token");
  });
});
