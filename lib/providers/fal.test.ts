import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { falAdapter } from "./fal";
import { fixture, jsonOf, type ReplayServer, type Reply, startReplayServer, withBody } from "./fixtures/replay-server";
import { type Endpoint, UpstreamError, type UpstreamJob, type UpstreamRef, type UpstreamStatus } from "./types";

const ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
const REQUEST_PATH = `/fal-ai/flux-2-flex/requests/${ID}`;

let server: ReplayServer;
let endpoint: Endpoint;
beforeAll(async () => {
  server = await startReplayServer();
  endpoint = { baseUrl: server.url, credential: "fal-key-1" };
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

const images = ["https://img.example/a.png", "https://img.example/b.jpg"];

const qwen: UpstreamJob = {
  upstreamModel: "fal-ai/qwen-image",
  task: "text_to_image",
  input: { prompt: "海报: Lumigate", aspect_ratio: "16:9", steps: 30, guidance: 2.5, negative_prompt: "blurry", seed: 7, output_format: "png" },
  width: 1024,
  height: 576,
};

const flexEdit: UpstreamJob = {
  upstreamModel: "fal-ai/flux-2-flex/edit",
  task: "image_to_image",
  input: {
    prompt: "Swap the label",
    image_urls: images,
    aspect_ratio: "3:2",
    steps: 28,
    guidance: 3.5,
    prompt_upsampling: false,
    seed: 9,
    safety_tolerance: 0,
    output_format: "jpeg",
  },
  width: 1248,
  height: 832,
};

describe("fal submit: the request", () => {
  it.each<[string, UpstreamJob, string, Record<string, unknown>]>([
    [
      "qwen text-to-image (a preset size)",
      qwen,
      "/fal-ai/qwen-image",
      { prompt: "海报: Lumigate", image_size: "landscape_16_9", num_inference_steps: 30, guidance_scale: 2.5, negative_prompt: "blurry", seed: 7, output_format: "png" },
    ],
    [
      "flex edit (a custom size, images, safety as a string)",
      flexEdit,
      "/fal-ai/flux-2-flex/edit",
      {
        prompt: "Swap the label",
        image_size: { width: 1248, height: 832 },
        image_urls: images,
        num_inference_steps: 28,
        guidance_scale: 3.5,
        enable_prompt_expansion: false,
        seed: 9,
        safety_tolerance: "1",
        output_format: "jpeg",
      },
    ],
    [
      "flex edit matching the input image",
      { ...flexEdit, input: { prompt: "p", image_urls: images, aspect_ratio: "match_input_image" } },
      "/fal-ai/flux-2-flex/edit",
      { prompt: "p", image_urls: images },
    ],
    [
      "pro with disable_pup and safety 6",
      { upstreamModel: "fal-ai/flux-2-pro", task: "text_to_image", input: { prompt: "p", disable_pup: true, safety_tolerance: 6 }, width: 1024, height: 768 },
      "/fal-ai/flux-2-pro",
      { prompt: "p", image_size: "landscape_4_3", enable_prompt_expansion: false, safety_tolerance: "5" },
    ],
    [
      "kontext multi takes aspect_ratio",
      { upstreamModel: "fal-ai/flux-pro/kontext/multi", task: "edit", input: { prompt: "p", image_urls: images, aspect_ratio: "1:1" }, width: 1024, height: 1024 },
      "/fal-ai/flux-pro/kontext/multi",
      { prompt: "p", aspect_ratio: "1:1", image_urls: images },
    ],
    [
      "qwen edit takes one image_url",
      { upstreamModel: "fal-ai/qwen-image-edit", task: "image_to_image", input: { prompt: "p", image_urls: images.slice(0, 1), aspect_ratio: "match_input_image" }, width: 1024, height: 1024 },
      "/fal-ai/qwen-image-edit",
      { prompt: "p", image_url: images[0] },
    ],
    [
      "ideogram character takes reference_image_urls and expand_prompt",
      {
        upstreamModel: "fal-ai/ideogram/character",
        task: "image_to_image",
        input: { prompt: "p", image_urls: images.slice(0, 1), aspect_ratio: "1:1", style: "REALISTIC", prompt_upsampling: true },
        width: 1024,
        height: 1024,
      },
      "/fal-ai/ideogram/character",
      { prompt: "p", image_size: "square_hd", reference_image_urls: images.slice(0, 1), expand_prompt: true, style: "REALISTIC" },
    ],
    [
      "gpt-image takes OpenAI's sizes and high quality",
      { upstreamModel: "fal-ai/gpt-image-1.5", task: "text_to_image", input: { prompt: "p", aspect_ratio: "3:2", background: "auto" }, width: 1536, height: 1024 },
      "/fal-ai/gpt-image-1.5",
      { prompt: "p", image_size: "1536x1024", background: "auto", quality: "high" },
    ],
  ])("%s", async (_, job, path, body) => {
    server.route(`POST ${path}`, fixture("fal/submit"));
    await falAdapter.submit(endpoint, job);
    const sent = server.sole(`POST ${path}`);
    expect(sent.headers.authorization).toBe("Key fal-key-1");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect([...sent.query.keys()]).toEqual([]);
    expect(jsonOf(sent)).toEqual(body);
  });

  it("asks for a webhook with ?fal_webhook=", async () => {
    server.route("POST /fal-ai/qwen-image", fixture("fal/submit-qwen"));
    const url = "https://gateway.example/api/upstream/fal?task=task_1&x=y";
    await falAdapter.submit(endpoint, { ...qwen, webhook: { url, secret: "unused-by-fal" } });
    expect(server.sole("POST /fal-ai/qwen-image").query.get("fal_webhook")).toBe(url);
  });

  it("stores the returned URLs, which leave out the /edit subpath", async () => {
    server.route("POST /fal-ai/flux-2-flex/edit", fixture("fal/submit"));
    expect(await falAdapter.submit(endpoint, flexEdit)).toEqual({
      ref: {
        id: ID,
        pollUrl: `${server.url}${REQUEST_PATH}/status`,
        responseUrl: `${server.url}${REQUEST_PATH}`,
        cancelUrl: `${server.url}${REQUEST_PATH}/cancel`,
      },
    });
  });

  it.each<[string, Reply, string]>([
    ["422", { status: 422, body: { detail: [{ loc: ["body", "image_size"], msg: "bad size", type: "value_error" }] } }, "rejected"],
    ["401", { status: 401, body: { detail: "Invalid key" } }, "auth"],
    ["429", { status: 429, headers: { "retry-after": "3" }, body: { detail: "Too many requests" } }, "rate_limited"],
    ["a body without URLs", { status: 200, body: { request_id: ID } }, "invalid_response"],
  ])("%s -> %s", async (_, reply, kind) => {
    server.route("POST /fal-ai/qwen-image", reply);
    expect((await failure(falAdapter.submit(endpoint, qwen))).kind).toBe(kind);
  });
});

describe("fal poll", () => {
  const ref = (): UpstreamRef => ({
    id: ID,
    pollUrl: `${server.url}${REQUEST_PATH}/status`,
    responseUrl: `${server.url}${REQUEST_PATH}`,
    cancelUrl: `${server.url}${REQUEST_PATH}/cancel`,
  });
  const completed = fixture("fal/status-completed");
  const result = fixture("fal/result");

  it.each<[string, Reply, Reply | null, UpstreamStatus]>([
    ["IN_QUEUE", fixture("fal/status-in-queue"), null, { state: "queued", queuePosition: 3 }],
    ["IN_PROGRESS", fixture("fal/status-in-progress"), null, { state: "running" }],
    ["an unknown status", withBody(fixture("fal/status-in-progress"), (b) => ({ ...b, status: "WARMING_UP" })), null, { state: "running" }],
    [
      "COMPLETED with images",
      completed,
      result,
      {
        state: "succeeded",
        images: [{ url: "https://v3b.fal.media/files/b/koala/Xk2-9sVbQp1_out.jpg", contentType: "image/jpeg", width: 1024, height: 768 }],
        seed: 42,
      },
    ],
    ["COMPLETED with error_type in the status", fixture("fal/status-completed-error"), null, { state: "failed", reason: "upstream_error", message: "Internal server error" }],
    [
      "COMPLETED, result refused by the content checker",
      completed,
      fixture("fal/result-content-policy"),
      { state: "failed", reason: "moderated", message: "prompt: The content could not be processed because it contained material flagged by a content checker." },
    ],
    ["COMPLETED, result timed out", completed, fixture("fal/result-generation-timeout"), { state: "failed", reason: "upstream_error", message: "Generation did not finish within the time limit." }],
    [
      "COMPLETED, result with a typed 422 and no header",
      completed,
      fixture("fal/result-image-too-large"),
      { state: "failed", reason: "generation_failed", message: "image_urls.0: Image dimensions exceed the maximum of 4096x4096." },
    ],
    [
      "COMPLETED, result of a cancelled request",
      completed,
      { status: 400, headers: { "x-fal-error-type": "request_cancelled" }, body: { detail: "Request was cancelled" } },
      { state: "failed", reason: "canceled", message: "Request was cancelled" },
    ],
    [
      "COMPLETED, every image flagged NSFW",
      completed,
      withBody(result, (b) => ({ ...b, has_nsfw_concepts: [true] })),
      { state: "failed", reason: "moderated", message: "fal's safety checker flagged every image" },
    ],
    ["COMPLETED with no images", completed, withBody(result, (b) => ({ ...b, images: [] })), { state: "failed", reason: "generation_failed", message: "fal returned no images" }],
  ])("%s", async (_, status, resultReply, expected) => {
    server.route(`GET ${REQUEST_PATH}/status`, status);
    if (resultReply) server.route(`GET ${REQUEST_PATH}`, resultReply);
    expect(await falAdapter.poll(endpoint, ref())).toEqual(expected);
    expect(server.sole(`GET ${REQUEST_PATH}/status`).headers.authorization).toBe("Key fal-key-1");
    if (resultReply) expect(server.sole(`GET ${REQUEST_PATH}`).headers.authorization).toBe("Key fal-key-1");
    else expect(server.requests.filter((r) => r.path === REQUEST_PATH)).toHaveLength(0);
  });

  it.each<[string, Reply, string]>([
    ["an untyped 500", { status: 500, body: { detail: "Internal Server Error" } }, "unavailable"],
    ["a 401", { status: 401, body: { detail: "Unauthorized" } }, "auth"],
    ["a 200 that is not a result", { status: 200, body: { foo: 1 } }, "invalid_response"],
  ])("a result fetch answering %s leaves the outcome unknown (%s)", async (_, reply, kind) => {
    server.route(`GET ${REQUEST_PATH}/status`, completed);
    server.route(`GET ${REQUEST_PATH}`, reply);
    expect((await failure(falAdapter.poll(endpoint, ref()))).kind).toBe(kind);
  });

  it("a failing status call throws", async () => {
    server.route(`GET ${REQUEST_PATH}/status`, { status: 503, body: { detail: "unavailable" } });
    expect((await failure(falAdapter.poll(endpoint, ref()))).kind).toBe("unavailable");
  });
});

describe("fal cancel", () => {
  const ref = (): UpstreamRef => ({ id: ID, pollUrl: null, cancelUrl: `${server.url}${REQUEST_PATH}/cancel` });

  it.each<[string, Reply, string]>([
    ["202", fixture("fal/cancel-202"), "canceled"],
    ["400 ALREADY_COMPLETED", fixture("fal/cancel-400"), "too_late"],
  ])("%s -> %s", async (_, reply, outcome) => {
    server.route(`PUT ${REQUEST_PATH}/cancel`, reply);
    expect(await falAdapter.cancel(endpoint, ref())).toBe(outcome);
    expect(server.sole(`PUT ${REQUEST_PATH}/cancel`).headers.authorization).toBe("Key fal-key-1");
  });

  it("another 400 is an error", async () => {
    server.route(`PUT ${REQUEST_PATH}/cancel`, { status: 400, body: { detail: "bad request" } });
    expect((await failure(falAdapter.cancel(endpoint, ref()))).kind).toBe("rejected");
  });

  it("without a cancel URL there is nothing to call", async () => {
    expect(await falAdapter.cancel(endpoint, { id: ID, pollUrl: null })).toBe("unsupported");
    expect(server.requests).toHaveLength(0);
  });
});
