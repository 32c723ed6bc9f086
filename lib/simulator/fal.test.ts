import { createHash, createPublicKey, verify, type JsonWebKey } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_FAL_JWKS_PATH, startSimulator, type Simulator } from "./index";
import { fetchImage, pollUntil, startWebhookReceiver } from "./testing";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(() => sim.stop());

const auth = { authorization: "Key fal-key-id:fal-key-secret" };
type Queued = { request_id: string; response_url: string; status_url: string; cancel_url: string; queue_position: number };
type FalImage = { url: string; content_type: string; file_name: string; file_size: number; width: number; height: number };

function submit(endpoint: string, body: unknown, query = "") {
  return fetch(`${sim.url}/fal/${endpoint}${query}`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function submitOk(endpoint: string, body: unknown, query = ""): Promise<Queued> {
  const response = await submit(endpoint, body, query);
  expect(response.status).toBe(200);
  return (await response.json()) as Queued;
}

async function get(url: string) {
  const response = await fetch(url, { headers: auth });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const completed = (queued: Queued) => pollUntil(() => get(queued.status_url), (s) => s.body.status === "COMPLETED");

describe("fal queue: submit -> status -> result -> file", () => {
  it("moves IN_QUEUE -> IN_PROGRESS (with logs) -> COMPLETED and serves the images", async () => {
    const queued = await submitOk("fal-ai/flux-2-flex", {
      prompt: "a heron [sim:slow=900] [sim:fail@bfl]",
      image_size: { width: 512, height: 384 },
      num_inference_steps: 20,
      output_format: "jpeg",
      seed: 11,
    });
    const base = `${sim.url}/fal/fal-ai/flux-2-flex/requests/${queued.request_id}`;
    expect(queued).toMatchObject({ response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` });
    expect(queued.queue_position).toBeGreaterThanOrEqual(0);

    const inQueue = await get(queued.status_url);
    expect(inQueue).toMatchObject({ status: 202, body: { status: "IN_QUEUE", response_url: base } });
    expect(inQueue.body.queue_position).toEqual(expect.any(Number));
    expect((await get(queued.response_url)).status).toBe(400);

    const inProgress = await pollUntil(
      () => get(`${queued.status_url}?logs=1`),
      (s) => s.body.status === "IN_PROGRESS" && (s.body.logs as unknown[]).length > 1,
    );
    expect(inProgress.status).toBe(202);
    expect((inProgress.body.logs as { message: string }[])[1]!.message).toMatch(/^Step \d+\/20$/);

    const done = await completed(queued);
    expect(done.status).toBe(200);
    expect(done.body).not.toHaveProperty("logs");
    expect((done.body.metrics as { inference_time: number }).inference_time).toBeGreaterThan(0);

    const result = await get(queued.response_url);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ seed: 11, prompt: "a heron", has_nsfw_concepts: [false], timings: { inference: expect.any(Number) } });
    const [image] = result.body.images as FalImage[];
    expect(image).toMatchObject({ content_type: "image/jpeg", width: 512, height: 384 });
    const file = await fetchImage(image!.url);
    expect(file).toMatchObject({ status: 200, format: "jpeg", width: 512, height: 384 });
    expect(file.bytes.length).toBe(image!.file_size);
  });

  it.each([
    ["fal-ai/flux-2-pro", { image_size: "square_hd" }, 1024, 1024, "png"],
    ["fal-ai/flux-2-pro", {}, 1024, 768, "png"],
    ["fal-ai/flux-2-max", { image_size: "portrait_16_9", output_format: "jpeg" }, 576, 1024, "jpeg"],
    ["fal-ai/flux-pro/kontext/max/text-to-image", { aspect_ratio: "1:1" }, 1024, 1024, "jpeg"],
    ["fal-ai/gpt-image-1.5", { image_size: "1536x1024", output_format: "webp" }, 1536, 1024, "webp"],
  ])("%s %j renders %ix%i %s", async (endpoint, extra, width, height, format) => {
    const queued = await submitOk(endpoint, { prompt: "sizes", ...extra });
    await completed(queued);
    const [image] = (await get(queued.response_url)).body.images as FalImage[];
    expect(await fetchImage(image!.url)).toMatchObject({ status: 200, format, width, height });
  });

  it("edit endpoints take image_urls and keep the subpath out of the request URLs", async () => {
    const missing = await submit("fal-ai/flux-2-pro/edit", { prompt: "edit" });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { detail: { loc: unknown[] }[] }).detail[0]!.loc).toEqual(["body", "image_urls"]);
    const queued = await submitOk("fal-ai/flux-2-pro/edit", { prompt: "edit", image_urls: ["https://example.com/in.png"] });
    expect(queued.status_url).toBe(`${sim.url}/fal/fal-ai/flux-2-pro/requests/${queued.request_id}/status`);
    expect((await completed(queued)).body).not.toHaveProperty("error");
  });

  it("returns num_images images with consecutive seeds, inline with sync_mode", async () => {
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: "two", seed: 40, num_images: 2, sync_mode: true, image_size: "square" });
    await completed(queued);
    const { images, seed } = (await get(queued.response_url)).body as { images: FalImage[]; seed: number };
    expect(seed).toBe(40);
    expect(images).toHaveLength(2);
    const [first, second] = images.map((i) => Buffer.from(i.url.replace(/^data:image\/png;base64,/, ""), "base64"));
    expect(await sharp(first).metadata()).toMatchObject({ format: "png", width: 512, height: 512 });
    expect(first!.equals(second!)).toBe(false);
  });

  it("draws the same bytes for the same request", async () => {
    const body = { prompt: "same", seed: 1, image_size: "square" };
    const urls = [];
    for (const queued of await Promise.all([submitOk("fal-ai/flux-2-pro", body), submitOk("fal-ai/flux-2-pro", body)])) {
      await completed(queued);
      urls.push(((await get(queued.response_url)).body.images as FalImage[])[0]!.url);
    }
    const [a, b] = await Promise.all(urls.map(fetchImage));
    expect(a!.bytes.equals(b!.bytes)).toBe(true);
  });
});

describe("fal errors", () => {
  it.each([
    ["no header", {}],
    ["a Bearer token", { authorization: "Bearer x" }],
  ])("answers 401 to %s", async (_, headers) => {
    const response = await fetch(`${sim.url}/fal/fal-ai/flux-2-pro`, { method: "POST", headers, body: "{}" });
    expect(response.status).toBe(401);
    expect(typeof ((await response.json()) as { detail: unknown }).detail).toBe("string");
  });

  it.each([
    ["an unknown app", "fal-ai/flux-9"],
    ["an unknown subpath", "fal-ai/flux-2-pro/upscale"],
  ])("answers 404 to %s", async (_, endpoint) => {
    expect((await submit(endpoint, { prompt: "x" })).status).toBe(404);
  });

  it("answers 404 for an unknown request or one asked under another app", async () => {
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:hang]" });
    expect((await get(`${sim.url}/fal/fal-ai/flux-2-pro/requests/nope/status`)).status).toBe(404);
    expect((await get(`${sim.url}/fal/fal-ai/flux-2-max/requests/${queued.request_id}/status`)).status).toBe(404);
  });

  it.each([
    ["fal-ai/flux-2-flex", { prompt: "x", num_inference_steps: 60 }, ["body", "num_inference_steps"], "less_than_equal"],
    ["fal-ai/flux-2-flex", { prompt: "x", guidance_scale: 20 }, ["body", "guidance_scale"], "less_than_equal"],
    ["fal-ai/flux-2-pro", { prompt: "x", output_format: "webp" }, ["body", "output_format"], "enum"],
    ["fal-ai/flux-2-pro", { prompt: "x", image_size: { width: 4096, height: 4096 } }, ["body", "image_size"], "value_error"],
    ["fal-ai/flux-2-pro", { prompt: "x", num_images: 5 }, ["body", "num_images"], "less_than_equal"],
    ["fal-ai/flux-2-pro", { image_size: "square" }, ["body", "prompt"], "missing"],
  ])("%s %j is 422 at %j (%s)", async (endpoint, body, loc, type) => {
    const response = await submit(endpoint, body);
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: { loc: unknown[]; type: string; msg: string }[] };
    expect(detail[0]).toMatchObject({ loc, type, msg: expect.any(String) });
  });

  it.each([429, 500, 503])("[sim:%i] refuses the submit with that status", async (status) => {
    expect((await submit("fal-ai/flux-2-pro", { prompt: `x [sim:${status}]` })).status).toBe(status);
  });

  it.each([
    ["moderate", 422, "content_policy_violation"],
    ["fail", 500, "internal_server_error"],
  ])("[sim:%s] completes with an error: result %i, X-Fal-Error-Type %s", async (directive, status, errorType) => {
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: `x [sim:${directive}]` });
    const done = await completed(queued);
    expect(done.body).toMatchObject({ status: "COMPLETED", error: expect.any(String), error_type: errorType });
    const result = await get(queued.response_url);
    expect(result.status).toBe(status);
    expect(result.headers.get("x-fal-error-type")).toBe(errorType);
    expect(result.body).toMatchObject({ error_type: errorType, detail: expect.anything() });
  });

  it("cancels a queued request (202) and refuses once it started or finished (400)", async () => {
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:slow=3000]" });
    const cancel = (url: string) => fetch(url, { method: "PUT", headers: auth }).then(async (r) => [r.status, await r.json()]);
    expect(await cancel(queued.cancel_url)).toEqual([202, { status: "CANCELLATION_REQUESTED" }]);
    expect((await get(queued.status_url)).body).toMatchObject({ status: "COMPLETED", error_type: "request_cancelled" });
    expect(await cancel(queued.cancel_url)).toEqual([400, { status: "ALREADY_COMPLETED" }]);

    const running = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:hang]" });
    await pollUntil(() => get(running.status_url), (s) => s.body.status === "IN_PROGRESS");
    expect(await cancel(running.cancel_url)).toEqual([400, { status: "ALREADY_COMPLETED" }]);
  });

  it("[sim:hang] stays IN_PROGRESS and its result stays 400", async () => {
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:hang]" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get(queued.status_url)).body.status).toBe("IN_PROGRESS");
    expect(await get(queued.response_url)).toMatchObject({ status: 400, body: { detail: "Request is still in progress" } });
  });

  it("[sim:poll-500] fails every other status poll; [sim:expire] gives lapsed file URLs", async () => {
    const flaky = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:poll-500] [sim:hang]" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(flaky.status_url)).status);
    expect(statuses).toEqual([500, 202, 500, 202]);

    const expired = await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:expire]", image_size: "square" });
    await completed(expired);
    const [image] = (await get(expired.response_url)).body.images as FalImage[];
    expect((await fetch(image!.url)).status).toBe(403);
  });
});

describe("fal webhooks", () => {
  async function verifyFalSignature(headers: Record<string, string | string[] | undefined>, body: Buffer) {
    const jwks = (await (await fetch(`${sim.url}${SIMULATOR_FAL_JWKS_PATH}`)).json()) as { keys: JsonWebKey[] };
    const message = [
      headers["x-fal-webhook-request-id"],
      headers["x-fal-webhook-user-id"],
      headers["x-fal-webhook-timestamp"],
      createHash("sha256").update(body).digest("hex"),
    ].join("\n");
    const signature = Buffer.from(String(headers["x-fal-webhook-signature"]), "hex");
    return jwks.keys.some((key) => verify(null, Buffer.from(message), createPublicKey({ key, format: "jwk" }), signature));
  }

  it("publishes an Ed25519 JWKS without auth", async () => {
    const response = await fetch(`${sim.url}${SIMULATOR_FAL_JWKS_PATH}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ keys: [{ kty: "OKP", crv: "Ed25519", x: expect.any(String), kid: expect.any(String) }] });
  });

  it("POSTs OK with the result payload, signed so that it verifies against the JWKS", async () => {
    const receiver = await startWebhookReceiver();
    const queued = await submitOk("fal-ai/flux-2-pro", { prompt: "hook", seed: 2, image_size: "square" }, `?fal_webhook=${encodeURIComponent(receiver.url)}`);
    const [hook] = await receiver.waitFor(1);
    expect(hook!.headers["x-fal-webhook-request-id"]).toBe(queued.request_id);
    expect(Math.abs(Number(hook!.headers["x-fal-webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(300);
    expect(await verifyFalSignature(hook!.headers, hook!.body)).toBe(true);
    expect(await verifyFalSignature(hook!.headers, Buffer.concat([hook!.body, Buffer.from(" ")]))).toBe(false);
    const body = JSON.parse(hook!.body.toString()) as Record<string, unknown>;
    expect(body).toMatchObject({ request_id: queued.request_id, gateway_request_id: queued.request_id, status: "OK", error: null });
    expect((body.payload as { images: FalImage[] }).images[0]).toMatchObject({ width: 512, height: 512 });
    await receiver.close();
  });

  it("POSTs ERROR for a moderated request, twice with [sim:dup-webhook]", async () => {
    const receiver = await startWebhookReceiver();
    await submitOk("fal-ai/flux-2-pro", { prompt: "x [sim:moderate] [sim:dup-webhook]" }, `?fal_webhook=${encodeURIComponent(receiver.url)}`);
    const [a, b] = await receiver.waitFor(2);
    expect(a!.body.equals(b!.body)).toBe(true);
    expect(JSON.parse(a!.body.toString())).toMatchObject({
      status: "ERROR",
      error: "Invalid status code: 422",
      payload: { detail: [{ type: "content_policy_violation" }] },
    });
    await receiver.close();
  });
});
