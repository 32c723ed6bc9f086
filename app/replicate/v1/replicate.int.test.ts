import Replicate, { type Prediction } from "replicate";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { listPredictions } from "@/lib/replicate";
import { fetchImage, startWebhookReceiver, type WebhookReceiver } from "@/lib/simulator/testing";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withGenerationStack } from "@/lib/testing/generation-stack";
import { type RouteServer, startRouteServer } from "@/lib/testing/route-server";
import { signingSecrets } from "@/lib/webhooks/account-secrets";
import { GET as media } from "../../media/[file]/route";
import { POST as catchAllPost, GET as catchAllGet } from "./[...path]/route";
import { POST as createForModel } from "./models/[owner]/[name]/predictions/route";
import { POST as cancel } from "./predictions/[id]/cancel/route";
import { GET as getOne } from "./predictions/[id]/route";
import { GET as list, POST as createByVersion } from "./predictions/route";

// The official `replicate` client, constructed with only baseUrl and auth changed, against the
// routes mounted at their real paths, with a worker and the simulator running.
withGenerationStack("replicate", { webhooks: true });

let server: RouteServer;
let receiver: WebhookReceiver;
beforeAll(async () => {
  env.CALLBACKS_ALLOW_LOOPBACK = true;
  server = await startRouteServer([
    { path: "/replicate/v1/models/[owner]/[name]/predictions", handlers: { POST: createForModel } },
    { path: "/replicate/v1/predictions", handlers: { GET: list, POST: createByVersion } },
    { path: "/replicate/v1/predictions/[id]", handlers: { GET: getOne } },
    { path: "/replicate/v1/predictions/[id]/cancel", handlers: { POST: cancel } },
    { path: "/replicate/v1/[path]", handlers: { GET: catchAllGet, POST: catchAllPost } },
    { path: "/media/[file]", handlers: { GET: (req, ctx) => media(req, ctx as { params: Promise<{ file: string }> }) } },
  ]);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await server.stop();
});

const FLUX_2_PRO = "black-forest-labs/flux-2-pro";
const PRO_PRICE = 35_000;

const client = (auth: string) => new Replicate({ baseUrl: `${server.origin}/replicate/v1`, auth });
const availableMicros = async (accountId: string) => Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);

/** What the client throws for a refused request: its ApiError, with the response and its body in the message. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await promise.then(
    () => {
      throw new Error("expected the client to throw");
    },
    (e: unknown) => e as { name: string; message: string; response: Response },
  );
  expect(error.name).toBe("ApiError");
  return { status: error.response.status, message: error.message };
}

describe("replicate.run", () => {
  it("returns our media URL in one held request; the image is a 1024x1024 WebP, and the live price is charged exactly", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const before = server.requests().length;
    const output = await client(key).run(FLUX_2_PRO, { input: { prompt: "a lighthouse at dusk" } });

    expect(output).toMatch(new RegExp(`^${server.origin}/media/med_[0-9a-z]{24}\\.webp$`));
    expect(server.requests().slice(before)).toEqual([`POST /replicate/v1/models/${FLUX_2_PRO}/predictions`]);
    const image = await fetchImage(output as unknown as string);
    expect(image).toMatchObject({ status: 200, format: "webp", width: 1024, height: 1024 });
    expect(await availableMicros(accountId)).toBe(USD - PRO_PRICE);
    const task = await db.task.findFirstOrThrow({ where: { accountId } });
    expect(task).toMatchObject({ surface: "replicate", modelRequested: FLUX_2_PRO, variantSlug: "flux-2-pro-text-to-image-1k", state: "success" });
  });

  it("runs the image-to-image variant when input_images are given, at 2K for resolution 4 MP", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId, { mode: "test" });
    const reference = (await client(key).run(FLUX_2_PRO, { input: { prompt: "a red door" } })) as unknown as string;
    const output = await client(key).run(FLUX_2_PRO, {
      input: { prompt: "make the door blue", input_images: [reference], resolution: "4 MP", aspect_ratio: "16:9", output_format: "png" },
    });
    expect(await fetchImage(output as unknown as string)).toMatchObject({ status: 200, format: "png", width: 2048, height: 1152 });
    const task = await db.task.findFirstOrThrow({ where: { accountId }, orderBy: { createdAt: "desc" } });
    expect(task.variantSlug).toBe("flux-2-pro-image-to-image-2k");
  });

  it("a failed generation throws the client's error and leaves the balance as it was", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    await expect(client(key).run(FLUX_2_PRO, { input: { prompt: "a lighthouse [sim:fail]" } })).rejects.toThrow(/^Prediction failed: .+/);
    expect(await availableMicros(accountId)).toBe(USD);
    expect((await db.wallet.findUniqueOrThrow({ where: { accountId } })).reservedMicros).toBe(0n);
  });
});

describe("predictions", () => {
  it("create answers starting at once, get follows it to succeeded", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const replicate = client(key);
    const created = await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: "two kites", aspect_ratio: "4:3" } });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^task_[a-z0-9]{20}$/),
      model: FLUX_2_PRO,
      status: "starting",
      output: null,
      error: null,
      urls: { get: `${server.origin}/replicate/v1/predictions/${created.id}`, cancel: `${server.origin}/replicate/v1/predictions/${created.id}/cancel` },
    });
    const done = await replicate.wait(created, { interval: 50 });
    expect(done).toMatchObject({ id: created.id, status: "succeeded", output: expect.stringMatching(/\/media\/med_\w+\.webp$/), error: null });
    expect(done.metrics?.predict_time).toBeGreaterThanOrEqual(0);
    expect(done.completed_at).not.toBeNull();
    expect(await replicate.predictions.get(created.id)).toEqual(done);
  });

  it("Prefer: wait=N holds the create and answers 201 with the finished prediction", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const response = await fetch(`${server.origin}/replicate/v1/models/${FLUX_2_PRO}/predictions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", prefer: "wait=30" },
      body: JSON.stringify({ input: { prompt: "a kite" } }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "succeeded", output: expect.stringContaining("/media/") });
  });

  it("cancel: a queued prediction ends canceled and nothing is charged", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const replicate = client(key);
    // Every upstream refuses it, so it waits for its next submission round.
    const created = await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: "busy [sim:429]" } });
    expect(created.status).toBe("starting");
    const canceled = await replicate.predictions.cancel(created.id);
    expect(canceled).toMatchObject({ id: created.id, status: "canceled", error: null, output: null });
    expect(await replicate.wait(created, {})).toMatchObject({ status: "canceled" });
    expect(await db.wallet.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ availableMicros: BigInt(USD), reservedMicros: 0n });
  });

  it("cancel of a prediction that has ended answers it unchanged", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const replicate = client(key);
    const done = await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: "x" }, wait: 30 });
    expect(done.status).toBe("succeeded");
    expect(await replicate.predictions.cancel(done.id)).toEqual(done);
  });

  it("list: the account's predictions, newest first, in Replicate's cursor page", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId, { mode: "test" });
    const replicate = client(key);
    const first = await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: "one" } });
    const second = await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: "two" } });
    const { key: stranger } = await newKey(await newAccount(), { mode: "test" });
    await client(stranger).predictions.create({ model: FLUX_2_PRO, input: { prompt: "not yours" } });

    const page = await replicate.predictions.list();
    expect(page.next).toBeNull();
    expect(page.previous).toBeNull();
    expect(page.results.map((p: Prediction) => p.id)).toEqual([second.id, first.id]);
    expect(page.results[0]).toMatchObject({ model: FLUX_2_PRO, urls: { get: second.urls.get } });
  });

  it("list pages: next walks to older predictions, previous back to newer ones, and the client's paginate follows next", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId, { mode: "test" });
    const replicate = client(key);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await replicate.predictions.create({ model: FLUX_2_PRO, input: { prompt: `n${i}` } })).id);
    const newestFirst = [...ids].reverse();
    const cursorOf = (url: string | null) => new URL(url!).searchParams.get("cursor")!;

    const one = await listPredictions(accountId, server.origin, undefined, 2);
    const two = await listPredictions(accountId, server.origin, cursorOf(one.next), 2);
    const three = await listPredictions(accountId, server.origin, cursorOf(two.next), 2);
    expect([one, two, three].map((p) => p.results.map((r) => r.id))).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect([one.previous, three.next]).toEqual([null, null]);
    const back = await listPredictions(accountId, server.origin, cursorOf(three.previous), 2);
    expect(back.results.map((r) => r.id)).toEqual(newestFirst.slice(2, 4));
    expect(back.next).not.toBeNull();

    // The route's own next link is absolute and the client follows it as is.
    const pages: string[][] = [];
    for await (const results of replicate.paginate(replicate.predictions.list)) pages.push(results.map((p: Prediction) => p.id));
    expect(pages).toEqual([newestFirst]);
  });

  it("get: another account's prediction and a made-up id are 404", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const mine = await client(key).predictions.create({ model: FLUX_2_PRO, input: { prompt: "x" } });
    const { key: stranger } = await newKey(await newAccount(), { mode: "test" });
    expect((await refusal(client(stranger).predictions.get(mine.id))).status).toBe(404);
    expect((await refusal(client(stranger).predictions.cancel(mine.id))).status).toBe(404);
    expect((await refusal(client(key).predictions.get("ufawqhfynnddngldkgtslldrkq"))).status).toBe(404);
  });
});

describe("webhooks", () => {
  it("the completed prediction is delivered, signed with the account's secret, and verifies with standardwebhooks", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const start = receiver.received.length;
    const created = await client(key).predictions.create({
      model: FLUX_2_PRO,
      input: { prompt: "a lantern" },
      webhook: receiver.url,
      webhook_events_filter: ["start", "completed"],
    });
    const [delivery] = (await receiver.waitFor(start + 1, 10_000)).slice(start);
    const [secret] = await signingSecrets(accountId);
    const verified = new Webhook(secret!).verify(delivery!.body.toString(), delivery!.headers as Record<string, string>) as Prediction;
    expect(verified).toMatchObject({ id: created.id, model: FLUX_2_PRO, status: "succeeded", output: expect.stringMatching(/\/media\/med_\w+\.webp$/) });
    expect(() => new Webhook(secret!).verify(delivery!.body.toString().replace("succeeded", "failed"), delivery!.headers as Record<string, string>)).toThrow();
  });

  it("a filter without completed or output sends nothing", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const created = await client(key).predictions.create({
      model: FLUX_2_PRO,
      input: { prompt: "quiet" },
      webhook: receiver.url,
      webhook_events_filter: ["logs"],
      wait: 30,
    });
    expect(created.status).toBe("succeeded");
    expect(await db.callbackDelivery.count({ where: { taskId: created.id } })).toBe(0);
  });

  it("422: a webhook that is not https", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const { status, message } = await refusal(
      client(key).predictions.create({ model: FLUX_2_PRO, input: { prompt: "x" }, webhook: "http://hooks.example.com/in" }),
    );
    expect(status).toBe(422);
    expect(message).toMatch(/"detail":"webhook: must be an https URL"/);
  });
});

describe("errors, as the client surfaces them", () => {
  it("401: a bad key, in Replicate's problem shape", async () => {
    const { status, message } = await refusal(client("lg_live_00000000000000000000000000000000000000").run(FLUX_2_PRO, { input: { prompt: "x" } }));
    expect(status).toBe(401);
    expect(message).toMatch(/failed with status 401 .*"title":"Unauthenticated".*"status":401/);
  });

  it("402: insufficient credit creates nothing", async () => {
    const accountId = await newAccount(PRO_PRICE - 1);
    const { key } = await newKey(accountId);
    const { status, message } = await refusal(client(key).run(FLUX_2_PRO, { input: { prompt: "x" } }));
    expect(status).toBe(402);
    expect(message).toMatch(/"code":"insufficient_credits"/);
    expect(await db.task.count({ where: { accountId } })).toBe(0);
  });

  it("422: bad input names the field, as Replicate's invalid_fields do", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    const { status, message } = await refusal(client(key).predictions.create({ model: FLUX_2_PRO, input: { prompt: "x", aspect_ratio: "4:5" } }));
    expect(status).toBe(422);
    const body = JSON.parse(message.slice(message.indexOf("{"), message.lastIndexOf("}") + 1));
    expect(body).toMatchObject({ title: "Input validation failed", status: 422, invalid_fields: [{ field: "input.aspect_ratio" }] });
    expect(body.detail).toMatch(/^input\.aspect_ratio: /);
    expect(await db.task.count({ where: { accountId } })).toBe(0);
  });

  it("422: Prefer wait=N past 60", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const { status, message } = await refusal(client(key).predictions.create({ model: FLUX_2_PRO, input: { prompt: "x" }, wait: 120 }));
    expect(status).toBe(422);
    expect(message).toMatch(/Prefer/);
  });

  it("404: an unknown model; a model version; an endpoint not offered", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test" });
    const unknown = await refusal(client(key).run("acme/imaginary-model", { input: { prompt: "x" } }));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toMatch(/No model acme\/imaginary-model/);
    const versioned = await refusal(client(key).run(`${FLUX_2_PRO}:0123abcd`, { input: { prompt: "x" } }));
    expect(versioned.status).toBe(422);
    expect(versioned.message).toMatch(/run by name/);
    expect((await refusal(client(key).accounts.current())).status).toBe(404);
  });

  it("429: past the key's request rate, with Retry-After", async () => {
    const { key } = await newKey(await newAccount(), { mode: "test", ratePer10s: 1 });
    const send = () =>
      fetch(`${server.origin}/replicate/v1/predictions`, { headers: { authorization: `Bearer ${key}` } });
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ title: "Request was throttled", status: 429, code: "rate_limited" });
  });
});
