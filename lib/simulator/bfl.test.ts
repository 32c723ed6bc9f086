import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { fetchImage, pollUntil, startWebhookReceiver } from "./testing";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(() => sim.stop());

type BflResult = { id: string; status: string; result: Record<string, unknown> | null; progress: number | null; details: unknown };

const newKey = () => `bfl-${randomUUID()}`;

function submit(model: string, body: unknown, key = newKey()) {
  return fetch(`${sim.url}/bfl/v1/${model}`, {
    method: "POST",
    headers: { "x-key": key, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function submitOk(model: string, body: unknown, key = newKey()) {
  const response = await submit(model, body, key);
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; polling_url: string; cost: number; input_mp: number; output_mp: number };
}

async function poll(url: string, key = "any-key"): Promise<{ status: number; body: BflResult }> {
  const response = await fetch(url, { headers: { "x-key": key } });
  return { status: response.status, body: (await response.json()) as BflResult };
}

const settled = (url: string) =>
  pollUntil(
    () => poll(url),
    ({ body }) => !["Pending", "Generating"].includes(body.status),
  ).then((r) => r.body);

describe("BFL submit -> poll -> file", () => {
  it.each([
    ["flux-2-pro", { width: 1024, height: 768, output_format: "png" }, "png", 1024, 768],
    ["flux-2-flex", { width: 512, height: 512, steps: 20, guidance: 4, output_format: "webp" }, "webp", 512, 512],
    ["flux-2-max", { width: 320, height: 640 }, "jpeg", 320, 640],
    ["flux-kontext-pro", { aspect_ratio: "16:9" }, "png", 1360, 768],
    ["flux-pro-1.1", { width: 256, height: 256 }, "jpeg", 256, 256],
  ])("%s renders the requested image", async (model, extra, format, width, height) => {
    const submitted = await submitOk(model, { prompt: "a red fox [sim:429@fal]", seed: 3, ...extra });
    expect(submitted.polling_url).toBe(`${sim.url}/bfl/v1/get_result?id=${submitted.id}`);
    const first = await poll(submitted.polling_url);
    expect(first.body).toMatchObject({ id: submitted.id, result: null, preview: null });
    expect(["Pending", "Generating"]).toContain(first.body.status);
    const done = await settled(submitted.polling_url);
    expect(done).toMatchObject({ status: "Ready", progress: 1, details: null });
    expect(done.result).toMatchObject({ seed: 3, prompt: "a red fox" });
    expect(done.result!.duration).toBeGreaterThan(0);
    const image = await fetchImage(done.result!.sample as string);
    expect(image).toMatchObject({ status: 200, contentType: `image/${format}`, format, width, height });
  });

  it("is Pending with no progress while queued, then Generating with progress between 0 and 1", async () => {
    const { polling_url } = await submitOk("flux-2-pro", { prompt: "slow fox [sim:slow=1000]" });
    expect((await poll(polling_url)).body).toMatchObject({ status: "Pending", progress: null });
    const generating = await pollUntil(
      () => poll(polling_url),
      ({ body }) => body.status === "Generating",
    );
    expect(generating.body.progress).toBeGreaterThanOrEqual(0);
    expect(generating.body.progress).toBeLessThan(1);
  });

  it("draws identical bytes for the same inputs and seed, and reports a picked seed", async () => {
    const body = { prompt: "determinism", seed: 99, width: 256, height: 256, output_format: "png" };
    const [a, b] = await Promise.all([submitOk("flux-2-pro", body), submitOk("flux-2-pro", body)]);
    const [ra, rb] = await Promise.all([settled(a.polling_url), settled(b.polling_url)]);
    const [ia, ib] = await Promise.all([fetchImage(ra.result!.sample as string), fetchImage(rb.result!.sample as string)]);
    expect(ia.bytes.equals(ib.bytes)).toBe(true);
    expect(ra.result!.sample).not.toBe(rb.result!.sample);

    const unseeded = await settled((await submitOk("flux-2-pro", { ...body, seed: undefined })).polling_url);
    expect(Number.isInteger(unseeded.result!.seed)).toBe(true);
  });

  it.each([
    ["flux-2-flex", { width: 1024, height: 768 }, { cost: 6, input_mp: 0, output_mp: 1 }],
    ["flux-2-flex", { width: 2048, height: 1536 }, { cost: 18, input_mp: 0, output_mp: 3 }],
    ["flux-2-pro", { width: 2048, height: 1536, input_image: "https://example.com/a.png" }, { cost: 7.5, input_mp: 1, output_mp: 3 }],
    ["flux-2-max", { width: 1024, height: 1024 }, { cost: 7, input_mp: 0, output_mp: 1 }],
    ["flux-kontext-max", {}, { cost: 8, input_mp: 0, output_mp: 1 }],
  ])("%s %j costs %j credits", async (model, extra, expected) => {
    expect(await submitOk(model, { prompt: "cost [sim:hang]", ...extra })).toMatchObject(expected);
  });

  it("charges credits on submit and refunds moderated requests", async () => {
    const key = newKey();
    const credits = async () => (await (await fetch(`${sim.url}/bfl/v1/credits`, { headers: { "x-key": key } })).json()) as { credits: number };
    const start = (await credits()).credits;
    await settled((await submitOk("flux-2-pro", { prompt: "paid", width: 512, height: 512 }, key)).polling_url);
    expect((await credits()).credits).toBe(start - 3);
    await settled((await submitOk("flux-2-pro", { prompt: "blocked [sim:moderate]" }, key)).polling_url);
    expect((await credits()).credits).toBe(start - 3);
  });
});

describe("BFL errors", () => {
  it.each([
    ["POST /v1/flux-2-pro", () => fetch(`${sim.url}/bfl/v1/flux-2-pro`, { method: "POST", body: "{}" })],
    ["GET /v1/get_result", () => fetch(`${sim.url}/bfl/v1/get_result?id=x`)],
    ["GET /v1/credits", () => fetch(`${sim.url}/bfl/v1/credits`)],
  ])("%s without x-key is 401", async (_, call) => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(typeof ((await response.json()) as { detail: unknown }).detail).toBe("string");
  });

  it("answers 404 for an unknown model and 405 for the wrong method", async () => {
    expect((await submit("flux-9-ultra", { prompt: "x" })).status).toBe(404);
    expect((await fetch(`${sim.url}/bfl/v1/flux-2-pro`, { headers: { "x-key": "k" } })).status).toBe(405);
  });

  it.each([
    ["flux-2-flex", { prompt: "x", steps: 60 }, ["body", "steps"], "less_than_equal"],
    ["flux-2-flex", { prompt: "x", guidance: 1 }, ["body", "guidance"], "greater_than_equal"],
    ["flux-2-pro", { prompt: "x", width: 1000 }, ["body", "width"], "multiple_of"],
    ["flux-2-pro", { prompt: "x", width: 32 }, ["body", "width"], "value_error"],
    ["flux-2-pro", { prompt: "x", width: 4096, height: 2048 }, ["body", "width"], "value_error"],
    ["flux-2-pro", { width: 512 }, ["body", "prompt"], "missing"],
    ["flux-2-pro", { prompt: "x", output_format: "gif" }, ["body", "output_format"], "enum"],
    ["flux-2-pro", { prompt: "x", seed: "7" }, ["body", "seed"], "int_type"],
    ["flux-2-pro", { prompt: "x", webhook_url: "not a url" }, ["body", "webhook_url"], "url_parsing"],
    ["flux-kontext-pro", { prompt: "x", aspect_ratio: "30:1" }, ["body", "aspect_ratio"], "value_error"],
    ["flux-2-pro", "{not json", ["body", 0], "json_invalid"],
  ])("%s %j is 422 at %j (%s)", async (model, body, loc, type) => {
    const response = await submit(model, body);
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: { loc: unknown[]; msg: string; type: string }[] };
    expect(detail[0]).toMatchObject({ loc, type });
    expect(typeof detail[0]!.msg).toBe("string");
  });

  it.each([429, 500, 503])("[sim:%i] refuses the submit with that status", async (status) => {
    const response = await submit("flux-2-pro", { prompt: `x [sim:${status}]` });
    expect(response.status).toBe(status);
    expect(typeof ((await response.json()) as { detail: unknown }).detail).toBe("string");
    expect((await submit("flux-2-pro", { prompt: `x [sim:${status}@replicate]`, width: 64, height: 64 })).status).toBe(200);
  });

  it("[sim:moderate] ends as Request Moderated and [sim:fail] as Error, neither with a result", async () => {
    const moderated = await settled((await submitOk("flux-2-pro", { prompt: "x [sim:moderate]" })).polling_url);
    expect(moderated).toMatchObject({ status: "Request Moderated", result: null, details: { "Moderation Reasons": [expect.any(String)] } });
    const failed = await settled((await submitOk("flux-2-pro", { prompt: "x [sim:fail]" })).polling_url);
    expect(failed).toMatchObject({ status: "Error", result: null, details: { error: expect.any(String) } });
  });

  it("[sim:hang] stays in flight", async () => {
    const { polling_url } = await submitOk("flux-2-pro", { prompt: "x [sim:hang]", width: 64, height: 64 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await poll(polling_url)).body.status).toBe("Generating");
    expect(sim.stats().activeJobs).toBeGreaterThan(0);
  });

  it("[sim:expire] reports a sample URL that already answers 403", async () => {
    const done = await settled((await submitOk("flux-2-pro", { prompt: "x [sim:expire]", width: 64, height: 64 })).polling_url);
    expect(done.status).toBe("Ready");
    expect((await fetch(done.result!.sample as string)).status).toBe(403);
  });

  it("[sim:poll-500] fails every other poll", async () => {
    const { polling_url } = await submitOk("flux-2-pro", { prompt: "x [sim:poll-500] [sim:hang]" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(polling_url, { headers: { "x-key": "k" } })).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it("answers Task not found for an unknown id and 422 without one", async () => {
    expect((await poll(`${sim.url}/bfl/v1/get_result?id=nope`)).body).toMatchObject({ id: "nope", status: "Task not found", result: null });
    expect((await fetch(`${sim.url}/bfl/v1/get_result`, { headers: { "x-key": "k" } })).status).toBe(422);
  });

  it("caps active tasks at 24 per key, and flux-kontext-max at 6", async () => {
    const key = newKey();
    const hang = { prompt: "x [sim:hang]", width: 64, height: 64 };
    for (let i = 0; i < 6; i++) expect((await submit("flux-kontext-max", hang, key)).status).toBe(200);
    const refused = await submit("flux-kontext-max", hang, key);
    expect(refused.status).toBe(429);
    expect(typeof ((await refused.json()) as { detail: unknown }).detail).toBe("string");
    for (let i = 0; i < 18; i++) expect((await submit("flux-2-pro", hang, key)).status).toBe(200);
    expect((await submit("flux-2-pro", hang, key)).status).toBe(429);
    expect((await submit("flux-2-pro", hang)).status).toBe(200);
  });
});

describe("BFL webhooks", () => {
  it("POSTs the outcome signed with HMAC-SHA256 of the raw body, and no polling_url on submit", async () => {
    const receiver = await startWebhookReceiver();
    const secret = "whsecret-bfl";
    const submitted = await submitOk("flux-2-pro", { prompt: "hook [sim:moderate@fal]", seed: 5, width: 64, height: 64, webhook_url: receiver.url, webhook_secret: secret });
    expect(submitted).toMatchObject({ status: "Pending", webhook_url: receiver.url });
    expect(submitted).not.toHaveProperty("polling_url");
    const [hook] = await receiver.waitFor(1);
    const expected = `sha256=${createHmac("sha256", secret).update(hook!.body).digest("hex")}`;
    expect(hook!.headers["x-bfl-signature"]).toBe(expected);
    const body = JSON.parse(hook!.body.toString()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: submitted.id, status: "Ready", result: { prompt: "hook", seed: 5, sample: expect.any(String) } });
    expect(Number.isInteger(body.timestamp)).toBe(true);
    await receiver.close();
  });

  it("retries a webhook that did not get a 2xx", async () => {
    const receiver = await startWebhookReceiver([500]);
    await submitOk("flux-2-pro", { prompt: "retry", width: 64, height: 64, webhook_url: receiver.url, webhook_secret: "s" });
    const [first, second] = await receiver.waitFor(2);
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(15);
    await receiver.close();
  });

  it("[sim:dup-webhook] delivers the same webhook twice", async () => {
    const receiver = await startWebhookReceiver();
    await submitOk("flux-2-pro", { prompt: "dup [sim:dup-webhook]", width: 64, height: 64, webhook_url: receiver.url, webhook_secret: "s" });
    const [a, b] = await receiver.waitFor(2);
    expect(a!.body.equals(b!.body)).toBe(true);
    expect(a!.headers["x-bfl-signature"]).toBe(b!.headers["x-bfl-signature"]);
    await receiver.close();
  });
});
