import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, SIMULATOR_FAL_JWKS_PATH, startSimulator } from "@/lib/simulator";
import { adapterFor } from "./adapters";
import { fetchReplicateWebhookSecret } from "./replicate";
import { type RecordedRequest, type ReplayServer, startReplayServer } from "./fixtures/replay-server";
import type { Endpoint, UpstreamJob, UpstreamProtocol, UpstreamStatus } from "./types";

// Each adapter against the simulator: the other side of the same protocol, written separately.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let sim: Simulator;
let receiver: ReplayServer;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
  receiver = await startReplayServer({
    "GET /img/input.png": { raw: PNG, headers: { "content-type": "image/png" } },
    "POST /hooks/bfl": { body: { ok: true } },
    "POST /hooks/fal": { body: { ok: true } },
    "POST /hooks/replicate": { body: { ok: true } },
  });
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});

function endpoint(protocol: UpstreamProtocol): Endpoint {
  const base = { bfl: "/bfl", fal: "/fal", replicate: "/replicate/v1", openai: "/openai/v1" }[protocol];
  return { baseUrl: `${sim.url}${base}`, credential: "sim-key", jwksUrl: `${sim.url}${SIMULATOR_FAL_JWKS_PATH}` };
}

const isDone = (s: UpstreamStatus) => s.state !== "queued" && s.state !== "running";

async function waitFor<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function run(protocol: UpstreamProtocol, job: UpstreamJob): Promise<UpstreamStatus> {
  const adapter = adapterFor(protocol);
  const submitted = await adapter.submit(endpoint(protocol), job);
  if (submitted.status && isDone(submitted.status)) return submitted.status;
  return waitFor(`${protocol} ${job.upstreamModel}`, async () => {
    const status = await adapter.poll(endpoint(protocol), submitted.ref);
    return isDone(status) ? status : undefined;
  });
}

const inputImage = () => `${receiver.url}/img/input.png`;
/** The OpenAI adapter fetches input images itself, through the SSRF guard: an inline one stays local. */
const inlinePng = `data:image/png;base64,${(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#36c" } }).png().toBuffer()).toString("base64")}`;
const jobs: Record<UpstreamProtocol, (prompt: string) => UpstreamJob> = {
  bfl: (prompt) => ({
    upstreamModel: "flux-2-flex",
    task: "text_to_image",
    input: { prompt, aspect_ratio: "4:3", steps: 20, guidance: 5, prompt_upsampling: false, seed: 42, safety_tolerance: 2, output_format: "jpeg" },
    width: 1024,
    height: 768,
  }),
  fal: (prompt) => ({
    upstreamModel: "fal-ai/flux-2-flex/edit",
    task: "image_to_image",
    input: { prompt, image_urls: [inputImage()], aspect_ratio: "4:3", steps: 10, guidance: 3.5, output_format: "png" },
    width: 1024,
    height: 768,
  }),
  replicate: (prompt) => ({
    upstreamModel: "black-forest-labs/flux-2-pro",
    task: "text_to_image",
    input: { prompt, aspect_ratio: "16:9", seed: 7, safety_tolerance: 2, output_format: "webp" },
    width: 1360,
    height: 768,
  }),
  openai: (prompt) => ({
    upstreamModel: "gpt-image-1.5",
    task: "text_to_image",
    input: { prompt, aspect_ratio: "3:2", background: "auto", output_format: "png" },
    width: 1536,
    height: 1024,
  }),
};

describe.each(["bfl", "fal", "replicate", "openai"] as const)("%s against the simulator", (protocol) => {
  it("submit -> poll -> succeeded, with an image that downloads", async () => {
    const status = await run(protocol, jobs[protocol]("A lighthouse at dusk"));
    if (status.state !== "succeeded") throw new Error(`expected success, got ${JSON.stringify(status)}`);
    const [image] = status.images;
    if (!image) throw new Error("no image");
    if ("base64" in image) {
      expect(image.contentType).toBe("image/png");
      expect(Buffer.from(image.base64, "base64").subarray(1, 4).toString()).toBe("PNG");
    } else {
      const response = await fetch(image.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^image\//);
    }
  });

  it("a moderated job fails as moderated", async () => {
    expect(await run(protocol, jobs[protocol]("A lighthouse [sim:moderate]"))).toMatchObject({ state: "failed", reason: "moderated" });
  });

  it("a failed job fails the way its protocol reports it", async () => {
    const job = jobs[protocol]("A lighthouse [sim:fail]");
    if (protocol === "openai") {
      // OpenAI has no failed-generation outcome: a failure is a 500, which another route may retry.
      await expect(run(protocol, job)).rejects.toMatchObject({ kind: "unavailable" });
      return;
    }
    // The simulator reports fal failures as internal_server_error, which is fal's side, not the input's.
    const reason = protocol === "fal" ? "upstream_error" : "generation_failed";
    expect(await run(protocol, job)).toMatchObject({ state: "failed", reason });
  });

  it("a refused submit is rate_limited", async () => {
    await expect(adapterFor(protocol).submit(endpoint(protocol), jobs[protocol]("A lighthouse [sim:429]"))).rejects.toMatchObject({
      kind: "rate_limited",
    });
  });
});

describe("other shapes against the simulator", () => {
  it.each<[UpstreamProtocol, string, () => UpstreamJob]>([
    [
      "bfl",
      "flux-2-pro image-to-image",
      () => ({ upstreamModel: "flux-2-pro", task: "image_to_image", input: { prompt: "p", image_urls: [inputImage(), inputImage(), inputImage()], aspect_ratio: "16:9", disable_pup: true }, width: 1360, height: 768 }),
    ],
    ["bfl", "kontext edit", () => ({ upstreamModel: "flux-kontext-pro", task: "edit", input: { prompt: "p", image_urls: [inputImage()], aspect_ratio: "match_input_image" }, width: 1024, height: 1024 })],
    ["fal", "qwen", () => ({ upstreamModel: "fal-ai/qwen-image", task: "text_to_image", input: { prompt: "p", aspect_ratio: "16:9", steps: 30, guidance: 2.5, negative_prompt: "blurry" }, width: 1024, height: 576 })],
    ["replicate", "flex custom size", () => ({ upstreamModel: "black-forest-labs/flux-2-flex", task: "text_to_image", input: { prompt: "p", aspect_ratio: "21:9", steps: 10, guidance: 4 }, width: 1568, height: 672 })],
    [
      "openai",
      "gpt-image edit",
      () => ({ upstreamModel: "gpt-image-1.5", task: "image_to_image", input: { prompt: "p", image_urls: [inlinePng], aspect_ratio: "match_input_image", input_fidelity: "high" }, width: 1024, height: 1024 }),
    ],
  ])("%s %s succeeds", async (protocol, _, job) => {
    expect((await run(protocol, job())).state).toBe("succeeded");
  });

  it("an OpenAI edit never fetches an input image from a private address", async () => {
    const job: UpstreamJob = { upstreamModel: "gpt-image-1.5", task: "image_to_image", input: { prompt: "p", image_urls: [inputImage()] }, width: 1024, height: 1024 };
    await expect(adapterFor("openai").submit(endpoint("openai"), job)).rejects.toMatchObject({ kind: "rejected", message: expect.stringMatching(/SSRF/) });
  });

  it("fal cancels a request still in the queue", async () => {
    const adapter = adapterFor("fal");
    const { ref } = await adapter.submit(endpoint("fal"), jobs.fal("slow one [sim:slow=60000]"));
    expect(await adapter.cancel(endpoint("fal"), ref)).toBe("canceled");
  });
});

describe("webhooks from the simulator verify", () => {
  const delivered = (path: string) =>
    waitFor(`a webhook at ${path}`, async () => receiver.requests.find((r: RecordedRequest) => r.path === path));
  const asWebhook = (request: RecordedRequest) => ({
    headers: new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []))),
    rawBody: new Uint8Array(request.body),
  });

  it.each<[UpstreamProtocol, string]>([
    ["bfl", "/hooks/bfl"],
    ["fal", "/hooks/fal"],
    ["replicate", "/hooks/replicate"],
  ])("%s", async (protocol, path) => {
    const secret = protocol === "replicate" ? await fetchReplicateWebhookSecret(endpoint(protocol)) : "bfl-webhook-secret";
    const adapter = adapterFor(protocol);
    const { ref } = await adapter.submit(endpoint(protocol), { ...jobs[protocol]("A lighthouse"), webhook: { url: `${receiver.url}${path}`, secret } });
    const event = await adapter.verifyWebhook(endpoint(protocol), asWebhook(await delivered(path)), secret);
    expect(event).toMatchObject({ upstreamId: ref.id, status: { state: "succeeded" } });
    await expect(adapter.verifyWebhook(endpoint(protocol), { ...asWebhook(await delivered(path)), rawBody: Buffer.from("{}") }, secret)).rejects.toMatchObject({
      kind: "rejected",
    });
  });
});
