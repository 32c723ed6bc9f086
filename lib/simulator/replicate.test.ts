import { randomUUID } from "node:crypto";
import Replicate from "replicate";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { fetchImage, pollUntil, startWebhookReceiver, type ReceivedWebhook } from "./testing";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(() => sim.stop());

type Prediction = {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  logs: string;
  output: string | string[] | null;
  error: string | null;
  status: string;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  metrics: { predict_time?: number };
  urls: { get: string; cancel: string; stream: string; web: string };
};

const newToken = () => `r8_${randomUUID()}`;
const flux2Pro = "black-forest-labs/flux-2-pro";

function create(model: string, body: unknown, token = newToken(), headers: Record<string, string> = {}) {
  return fetch(`${sim.url}/replicate/v1/models/${model}/predictions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function createOk(model: string, body: unknown, token = newToken(), headers: Record<string, string> = {}) {
  const response = await create(model, body, token, headers);
  expect(response.status).toBe(201);
  return { prediction: (await response.json()) as Prediction, headers: response.headers };
}

async function get(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Prediction };
}

const finished = (prediction: Prediction, token: string) =>
  pollUntil(
    () => get(prediction.urls.get, token),
    (r) => ["succeeded", "failed", "canceled"].includes(r.body.status),
  ).then((r) => r.body);

describe("Replicate predictions", () => {
  it("goes starting -> processing -> succeeded with one output URI, logs and metrics", async () => {
    const token = newToken();
    const input = { prompt: "a lynx [sim:500@openai]", seed: 8, aspect_ratio: "4:3" };
    const { prediction } = await createOk(flux2Pro, { input }, token);
    expect(prediction).toMatchObject({ model: flux2Pro, input, status: "starting", output: null, error: null, started_at: null });
    expect(prediction.version).toMatch(/^[0-9a-f]{64}$/);
    expect(prediction.urls.get).toBe(`${sim.url}/replicate/v1/predictions/${prediction.id}`);
    expect(prediction.urls.cancel).toBe(`${prediction.urls.get}/cancel`);
    const done = await finished(prediction, token);
    expect(done).toMatchObject({ status: "succeeded", error: null, output: expect.any(String), completed_at: expect.any(String) });
    expect(done.logs).toMatch(/^Using seed: 8\n/);
    expect(done.logs).toContain("100%");
    expect(done.metrics.predict_time).toBeGreaterThan(0);
    expect(await fetchImage(done.output as string)).toMatchObject({ status: 200, contentType: "image/webp", format: "webp", width: 1184, height: 896 });
  });

  it.each([
    ["custom 512x768 png", "black-forest-labs/flux-2-flex", { aspect_ratio: "custom", width: 512, height: 768, output_format: "png", steps: 10 }, "png", 512, 768],
    ["16:9 at 0.5 MP jpg", flux2Pro, { aspect_ratio: "16:9", resolution: "0.5 MP", output_format: "jpg" }, "jpeg", 960, 544],
    ["kontext default png", "black-forest-labs/flux-kontext-pro", {}, "png", 1024, 1024],
  ])("renders %s", async (_, model, extra, format, width, height) => {
    const token = newToken();
    const { prediction } = await createOk(model, { input: { prompt: "sizes", ...extra } }, token);
    const done = await finished(prediction, token);
    expect(await fetchImage(done.output as string)).toMatchObject({ status: 200, format, width, height });
  });

  it("returns a list of URIs for models that output one", async () => {
    const token = newToken();
    const done = await finished((await createOk("qwen/qwen-image", { input: { prompt: "list" } }, token)).prediction, token);
    expect(done.output).toEqual([expect.stringMatching(/\/files\/.+\.webp\?/)]);
  });

  it("holds the create with Prefer: wait until the outcome, and up to N seconds with wait=N", async () => {
    const token = newToken();
    const held = await createOk(flux2Pro, { input: { prompt: "wait" } }, token, { prefer: "wait" });
    expect(held.prediction).toMatchObject({ status: "succeeded", output: expect.any(String) });
    expect(held.headers.get("preference-applied")).toBe("wait=60");

    const started = Date.now();
    const short = await createOk(flux2Pro, { input: { prompt: "long [sim:slow=3000]" } }, token, { prefer: "wait=1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(["starting", "processing"]).toContain(short.prediction.status);
  });

  it("lists the token's predictions newest first, and only its own", async () => {
    const token = newToken();
    const a = (await createOk(flux2Pro, { input: { prompt: "a [sim:hang]" } }, token)).prediction;
    const b = (await createOk(flux2Pro, { input: { prompt: "b [sim:hang]" } }, token)).prediction;
    await createOk(flux2Pro, { input: { prompt: "other [sim:hang]" } });
    const response = await fetch(`${sim.url}/replicate/v1/predictions`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { next: string | null; previous: string | null; results: Prediction[] };
    expect(page).toMatchObject({ next: null, previous: null });
    expect(page.results.map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await get(a.urls.get, newToken())).status).toBe(404);
  });

  it("cancels a prediction in flight and leaves a finished one as it is", async () => {
    const token = newToken();
    const { prediction } = await createOk(flux2Pro, { input: { prompt: "x [sim:hang]" } }, token);
    const cancel = (url: string) => fetch(url, { method: "POST", headers: { authorization: `Token ${token}` } });
    const canceled = await cancel(prediction.urls.cancel);
    expect(canceled.status).toBe(200);
    expect(await canceled.json()).toMatchObject({ status: "canceled", completed_at: expect.any(String), output: null });
    expect((await (await cancel(prediction.urls.cancel)).json()) as Prediction).toMatchObject({ status: "canceled" });
  });

  it("works with the official replicate client (run, predictions.get/list)", async () => {
    const replicate = new Replicate({ auth: newToken(), baseUrl: `${sim.url}/replicate/v1`, useFileOutput: false });
    const output = await replicate.run(flux2Pro, { input: { prompt: "client", aspect_ratio: "1:1" } });
    expect(await fetchImage(output as unknown as string)).toMatchObject({ status: 200, width: 1024, height: 1024 });
    const created = await replicate.predictions.create({ model: flux2Pro, input: { prompt: "client 2" } });
    const fetched = await replicate.wait(created, { interval: 20 });
    expect(fetched.status).toBe("succeeded");
    expect((await replicate.predictions.list()).results.map((p) => p.id)).toContain(created.id);
  });
});

describe("Replicate errors", () => {
  it("answers 401 without a token, 404 for an unknown model or prediction", async () => {
    const unauthenticated = await fetch(`${sim.url}/replicate/v1/models/${flux2Pro}/predictions`, { method: "POST", body: "{}" });
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ detail: expect.any(String), status: 401 });
    expect((await create("acme/nothing", { input: { prompt: "x" } })).status).toBe(404);
    expect((await get(`${sim.url}/replicate/v1/predictions/abcdefghijklmnopqrstuvwxyz`, "t")).status).toBe(404);
  });

  it.each([
    [{ input: { prompt: "x", steps: 60 } }, "black-forest-labs/flux-2-flex", "input.steps", "less_than_equal"],
    [{ input: { prompt: "x", width: 500, aspect_ratio: "custom", height: 512 } }, flux2Pro, "input.width", "multiple_of"],
    [{ input: { prompt: "x", width: 4096, aspect_ratio: "custom", height: 512 } }, flux2Pro, "input.width", "less_than_equal"],
    [{ input: { prompt: "x", aspect_ratio: "custom" } }, flux2Pro, "input.width", "value_error"],
    [{ input: { prompt: "x", output_format: "jpeg" } }, flux2Pro, "input.output_format", "enum"],
    [{ input: { prompt: "x", input_images: Array(9).fill("https://e.com/a.png") } }, flux2Pro, "input.input_images", "array_max_items"],
    [{ input: { aspect_ratio: "1:1" } }, flux2Pro, "input", "required"],
    [{ webhook: "x" }, flux2Pro, "(root)", "required"],
  ])("%j on %s is 422 naming %s (%s)", async (body, model, field, type) => {
    const response = await create(model, body);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { detail: string; status: number; title: string; invalid_fields: { field: string; type: string; description: string }[] };
    expect(problem).toMatchObject({ status: 422, title: "Input validation failed" });
    expect(problem.invalid_fields[0]).toMatchObject({ field, type, description: expect.any(String) });
    expect(problem.detail).toContain(`- ${field}: `);
  });

  it("[sim:429] throttles with Retry-After; [sim:500] and [sim:503] refuse", async () => {
    const throttled = await create(flux2Pro, { input: { prompt: "x [sim:429]" } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    expect(((await throttled.json()) as { detail: string }).detail).toMatch(/^Request was throttled\./);
    for (const status of [500, 503]) expect((await create(flux2Pro, { input: { prompt: `x [sim:${status}]` } })).status).toBe(status);
  });

  it.each([
    ["moderate", /NSFW/],
    ["fail", /failed/],
  ])("[sim:%s] ends failed with an error", async (directive, error) => {
    const token = newToken();
    const done = await finished((await createOk(flux2Pro, { input: { prompt: `x [sim:${directive}]` } }, token)).prediction, token);
    expect(done).toMatchObject({ status: "failed", output: null, error: expect.stringMatching(error) });
  });

  it("[sim:poll-500] fails every other get; [sim:expire] gives a lapsed output URL", async () => {
    const token = newToken();
    const { prediction } = await createOk(flux2Pro, { input: { prompt: "x [sim:poll-500] [sim:hang]" } }, token);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(prediction.urls.get, token)).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
    const expired = await finished((await createOk(flux2Pro, { input: { prompt: "x [sim:expire]" } }, token)).prediction, token);
    expect((await fetch(expired.output as string)).status).toBe(403);
  });
});

describe("Replicate webhooks", () => {
  async function secretOf(token: string) {
    const response = await fetch(`${sim.url}/replicate/v1/webhooks/default/secret`, { headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { key: string }).key;
  }
  const verified = (secret: string, hook: ReceivedWebhook) =>
    new Webhook(secret).verify(hook.body.toString(), hook.headers as Record<string, string>) as Prediction;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

  it("signs every event with the account's whsec_ secret, completed last", async () => {
    const token = newToken();
    const secret = await secretOf(token);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const receiver = await startWebhookReceiver();
    const { prediction } = await createOk(flux2Pro, { input: { prompt: "hooks [sim:slow=400]" }, webhook: receiver.url }, token);
    await pollUntil(async () => receiver.received.map((h) => verified(secret, h).status), (s) => s.includes("succeeded"));
    await settle();
    const events = receiver.received.map((h) => verified(secret, h));
    expect(events.every((e) => e.id === prediction.id)).toBe(true);
    expect(events.at(-1)).toMatchObject({ status: "succeeded", output: expect.any(String) });
    expect(events.filter((e) => e.status === "processing" && e.output !== null)).toHaveLength(1);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(() => new Webhook(secret).verify(`${receiver.received[0]!.body.toString()} `, receiver.received[0]!.headers as Record<string, string>)).toThrow();
    await receiver.close();
  });

  it("sends only the filtered events and retries only completed", async () => {
    const token = newToken();
    const receiver = await startWebhookReceiver([500, 500]);
    await createOk(flux2Pro, { input: { prompt: "filtered" }, webhook: receiver.url, webhook_events_filter: ["start", "completed"] }, token);
    await receiver.waitFor(3);
    await settle();
    expect(receiver.received.map((h) => (JSON.parse(h.body.toString()) as Prediction).status)).toEqual(["processing", "succeeded", "succeeded"]);
    const [, first, retry] = receiver.received;
    expect(retry!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    await receiver.close();
  });

  it("[sim:dup-webhook] delivers completed twice with the same webhook-id; cancel sends completed", async () => {
    const token = newToken();
    const receiver = await startWebhookReceiver();
    const { prediction } = await createOk(
      flux2Pro,
      { input: { prompt: "x [sim:dup-webhook] [sim:hang]" }, webhook: receiver.url, webhook_events_filter: ["completed"] },
      token,
    );
    await fetch(prediction.urls.cancel, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    const [a, b] = await receiver.waitFor(2);
    expect(a!.headers["webhook-id"]).toBe(b!.headers["webhook-id"]);
    expect(verified(await secretOf(token), a!)).toMatchObject({ id: prediction.id, status: "canceled" });
    await receiver.close();
  });
});
