import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDrift } from "@/lib/billing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mediaStorage } from "@/lib/media/configured";
import { diskStorage } from "@/lib/media/disk-storage";
import { newMediaId, storageKeyFor, thumbnailKeyFor } from "@/lib/media/keys";
import type { MediaStorage } from "@/lib/media/storage";
import { createTask } from "@/lib/tasks";
import { findHoldDrift, findSlotDrift } from "@/lib/tasks/reconcile";
import { waitForEnd, withGenerationStack } from "@/lib/testing/generation-stack";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { signingSecrets } from "@/lib/webhooks/account-secrets";
import { POST as downloadUrl } from "@/app/api/v1/common/download-url/route";
import { serveMedia } from "@/lib/media/serve";
import { call, jsonRequest } from "@/lib/testing/fixtures";
import { expireMedia, sweepOrphanMedia } from "./housekeeping";
import { pollTask } from "./poll";
import { adapterFor } from "@/lib/providers/adapters";
import { endpointFor } from "@/lib/providers/endpoints";
import type { UpstreamRef, UpstreamStatus } from "@/lib/providers/types";
import { resetCircuits } from "@/lib/providers/circuit";
import { receiveUpstreamWebhook } from "@/lib/tasks/receive-webhook";
import { upstreamWebhookFor } from "@/lib/tasks/upstream-webhooks";

// The whole life of a task against the simulator: the real adapters, the real worker and queue,
// upstream webhooks through the same funnel as polling, media copied into storage, the ledger.
const { stack } = withGenerationStack("lifecycle", { webhooks: true });

type KeyInfo = { keyId: string; accountId: string; mode: "live" | "test" };

async function liveKey(balanceMicros = 1 * USD): Promise<KeyInfo> {
  const accountId = await newAccount(balanceMicros);
  const { keyId } = await newKey(accountId);
  return { keyId, accountId, mode: "live" };
}

async function run(key: KeyInfo, model: string, input: Record<string, unknown>, callbackUrl?: string) {
  const { taskId } = await createTask({ key, model, input, callbackUrl, surface: "task_api" });
  return { taskId, info: await waitForEnd(key.accountId, taskId) };
}

async function expectSettledOnce(accountId: string) {
  expect((await findDrift([accountId])).drift).toEqual([]);
  expect(await findHoldDrift([accountId])).toEqual([]);
  expect(await findSlotDrift([accountId])).toEqual([]);
}

const available = async (accountId: string) => Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);

const globalForMedia = globalThis as unknown as { lumigateMediaStorage?: MediaStorage };

describe("a task's life", () => {
  it("success: the image is copied at the requested size, the price is captured once", async () => {
    const key = await liveKey();
    const { taskId, info } = await run(key, "flux-2-pro", { prompt: "a lighthouse", aspect_ratio: "1:1", output_format: "png" });
    expect(info).toMatchObject({ state: "success", progress: 100, costMicros: 35_000, simulated: true });
    const media = await db.media.findMany({ where: { taskId } });
    expect(media).toHaveLength(1);
    const stored = await mediaStorage().get(media[0]!.storageKey);
    const bytes = stored!.body instanceof Uint8Array ? stored!.body : new Uint8Array(await new Response(stored!.body as BodyInit).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "png", width: 1024, height: 1024 });
    expect(JSON.parse(info.resultJson).resultUrls[0]).toBe(`http://gateway.test/media/${media[0]!.id}.png`);
    expect(await available(key.accountId)).toBe(1 * USD - 35_000);
    expect(await db.ledgerEntry.count({ where: { taskId, kind: "capture" } })).toBe(1);
    await expectSettledOnce(key.accountId);
  });

  it.each([
    ["[sim:fail]", "generation_failed"],
    ["[sim:moderate]", "moderated"],
  ])("%s: the task fails with %s and nothing is charged", async (directive, failCode) => {
    const key = await liveKey();
    const { taskId, info } = await run(key, "flux-2-pro", { prompt: `a cat ${directive}` });
    expect(info).toMatchObject({ state: "fail", failCode, costMicros: 0 });
    expect(info.failMsg).toMatch(/nothing was charged/);
    expect(await available(key.accountId)).toBe(1 * USD);
    expect(await db.ledgerEntry.count({ where: { taskId, kind: "release" } })).toBe(1);
    await expectSettledOnce(key.accountId);
  });

  it("a 429 from the first route fails over to the next one", async () => {
    const key = await liveKey();
    const { taskId, info } = await run(key, "flux-2-pro", { prompt: "a bridge [sim:429@bfl]" });
    expect(info.state).toBe("success");
    const attempts = await db.taskAttempt.findMany({ where: { taskId }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => [a.providerSlug, a.outcome])).toEqual([
      ["black-forest-labs", "rate_limited"],
      ["fal", "accepted"],
    ]);
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).providerSlug).toBe("fal");
    await expectSettledOnce(key.accountId);
  });

  it("an upstream that hangs past the deadline is cancelled and the task fails uncharged", async () => {
    const key = await liveKey();
    const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt: "forever [sim:hang]" }, surface: "task_api" });
    await db.task.update({ where: { id: taskId }, data: { deadlineAt: new Date(Date.now() + 500) } });
    const info = await waitForEnd(key.accountId, taskId, 30_000);
    expect(info).toMatchObject({ state: "fail", failCode: "timeout" });
    expect(await available(key.accountId)).toBe(1 * USD);
    await expectSettledOnce(key.accountId);
  });

  it("duplicate upstream webhooks racing the poller capture once", async () => {
    const key = await liveKey();
    const before = stack().webhooksReceived();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => run(key, "flux-2-pro", { prompt: `race ${i} [sim:dup-webhook]` })),
    );
    expect(results.every((r) => r.info.state === "success")).toBe(true);
    expect(stack().webhooksReceived() - before).toBeGreaterThanOrEqual(10);
    for (const { taskId } of results) {
      expect(await db.ledgerEntry.count({ where: { taskId, kind: "capture" } })).toBe(1);
      expect(await db.media.count({ where: { taskId } })).toBe(1);
    }
    expect(await available(key.accountId)).toBe(1 * USD - 5 * 35_000);
    await expectSettledOnce(key.accountId);
  });

  it("ten deliveries of one outcome racing the worker's own poll capture once and keep one image", async () => {
    const key = await liveKey();
    const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt: "photo finish [sim:slow=1500]" }, surface: "task_api" });
    let task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    while (!task.upstream) {
      await new Promise((r) => setTimeout(r, 20));
      task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    }
    const { protocol, endpoint } = endpointFor(task.providerSlug!, task.simulated)!;
    let status: UpstreamStatus;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = await adapterFor(protocol).poll(endpoint, task.upstream as UpstreamRef);
    } while (status.state !== "succeeded");
    await Promise.all(Array.from({ length: 10 }, () => pollTask({ taskId, status })));
    const info = await waitForEnd(key.accountId, taskId);
    expect(info.state).toBe("success");
    expect(await db.ledgerEntry.count({ where: { taskId, kind: "capture" } })).toBe(1);
    expect(await db.media.count({ where: { taskId } })).toBe(1);
    await expectSettledOnce(key.accountId);
  });

  it.each([
    ["fal", "fal-ai/flux-2-flex", "[sim:429@bfl]"],
    ["replicate", "flux-2-pro-text-to-image-2k", "[sim:429@bfl] [sim:503@fal]"],
    ["openai", "gpt-image-1.5-text-to-image-high", ""],
  ])("runs on %s too", async (provider, model, directives) => {
    const key = await liveKey();
    const { taskId, info } = await run(key, model, { prompt: `a kite ${directives}` });
    expect(info.state).toBe("success");
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).providerSlug).toBe(provider);
    await expectSettledOnce(key.accountId);
  });
});

describe("upstream trouble", () => {
  it("an upstream that keeps failing is skipped for a while (circuit breaker)", async () => {
    const key = await liveKey();
    try {
      for (let i = 0; i < 5; i++) expect((await run(key, "flux-2-pro", { prompt: `down ${i} [sim:500@bfl]` })).info.state).toBe("success");
      const { taskId, info } = await run(key, "flux-2-pro", { prompt: "bfl is fine again, but we do not know yet" });
      expect(info.state).toBe("success");
      const attempts = await db.taskAttempt.findMany({ where: { taskId }, orderBy: { createdAt: "asc" } });
      expect(attempts.map((a) => [a.providerSlug, a.outcome])).toEqual([
        ["black-forest-labs", "circuit_open"],
        ["fal", "accepted"],
      ]);
    } finally {
      resetCircuits();
    }
  });

  it("refuses a webhook whose URL we did not issue, or whose signature does not verify", async () => {
    const key = await liveKey();
    const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt: "slow [sim:slow=3000]" }, surface: "task_api" });
    const issued = new URL(upstreamWebhookFor(taskId, "bfl", true)!.url);
    const body = new TextEncoder().encode(JSON.stringify({ id: "x", status: "Ready", result: { sample: "http://127.0.0.1:1/x.png" } }));
    const hook = (token: string | null, headers: Record<string, string> = {}) =>
      receiveUpstreamWebhook({ protocol: "bfl", taskId, token, headers: new Headers(headers), rawBody: body });
    await expect(hook("forged")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(hook(issued.searchParams.get("token"), { "x-bfl-signature": "sha256=00" })).rejects.toMatchObject({ code: "unauthorized" });
    expect((await waitForEnd(key.accountId, taskId)).state).toBe("success");
  });
});

describe("media", () => {
  it("download-url signs a temporary attachment link to the account's own image; it lapses; retention deletes it", async () => {
    const key = await liveKey();
    const { key: rawKey } = await newKey(key.accountId);
    const { taskId, info } = await run(key, "flux-2-pro", { prompt: "keep me", output_format: "png" });
    const resultUrl: string = JSON.parse(info.resultJson).resultUrls[0];

    const signed = await call(downloadUrl, jsonRequest("http://gateway.test/api/v1/common/download-url", rawKey, { url: resultUrl }));
    expect(signed.status).toBe(200);
    const link = new URL(signed.body.data);
    const file = link.pathname.slice("/media/".length);
    const served = await serveMedia(file, link.searchParams);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(served.headers.get("content-type")).toBe("image/png");
    link.searchParams.set("exp", String(Math.floor(Date.now() / 1000) - 1));
    expect((await serveMedia(file, link.searchParams)).status).toBe(403);

    const stranger = await newKey(await newAccount());
    expect((await call(downloadUrl, jsonRequest("http://gateway.test/api/v1/common/download-url", stranger.key, { url: resultUrl }))).status).toBe(404);

    const [media] = await db.media.findMany({ where: { taskId } });
    await db.media.update({ where: { id: media!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expireMedia()).toBeGreaterThanOrEqual(1);
    expect(await db.media.count({ where: { taskId } })).toBe(0);
    expect(await mediaStorage().get(media!.storageKey)).toBeNull();
    expect((await serveMedia(`${media!.id}.png`, new URLSearchParams())).status).toBe(404);
  });

  it("files a dead worker left without their rows are swept after a day; recorded ones and fresh ones stay", async () => {
    const key = await liveKey();
    const { taskId } = await run(key, "flux-2-pro", { prompt: "recorded", output_format: "png" });
    const [kept] = await db.media.findMany({ where: { taskId } });
    // A storage of its own: other files of this run keep their rows in other databases.
    const shared = globalForMedia.lumigateMediaStorage;
    const root = await mkdtemp(path.join(tmpdir(), "lumigate-orphans-"));
    globalForMedia.lumigateMediaStorage = diskStorage(root);
    try {
      const storage = mediaStorage();
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const orphan = newMediaId();
      for (const [k, type] of [[kept!.storageKey, "image/png"], [kept!.thumbKey, "image/webp"], [storageKeyFor(orphan, "png"), "image/png"], [thumbnailKeyFor(orphan), "image/webp"]] as const) {
        await storage.put(k, png, type);
      }
      expect(await sweepOrphanMedia(new Date())).toBe(0);
      expect(await sweepOrphanMedia(new Date(Date.now() + 25 * 3_600_000))).toBe(2);
      expect(await storage.get(storageKeyFor(orphan, "png"))).toBeNull();
      expect(await storage.get(thumbnailKeyFor(orphan))).toBeNull();
      expect(await storage.get(kept!.storageKey)).not.toBeNull();
      expect(await storage.get(kept!.thumbKey)).not.toBeNull();
    } finally {
      globalForMedia.lumigateMediaStorage = shared;
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("callbacks", () => {
  let received: { headers: Record<string, string>; body: string }[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    env.CALLBACKS_ALLOW_LOOPBACK = false;
  });

  it("POSTs the recordInfo data signed with Standard Webhooks, and stores the attempt", async () => {
    env.CALLBACKS_ALLOW_LOOPBACK = true;
    received = [];
    const key = await liveKey();
    const { taskId } = await run(key, "flux-2-pro", { prompt: "a signed result" }, url);
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(1);
    const [secret] = await signingSecrets(key.accountId);
    const verified = new Webhook(secret!).verify(received[0]!.body, received[0]!.headers) as { code: number; data: { taskId: string; state: string } };
    expect(verified).toMatchObject({ code: 200, data: { taskId, state: "success" } });
    // The receiver answers before the worker records the attempt.
    let delivery = await db.callbackDelivery.findUniqueOrThrow({ where: { taskId }, include: { attempts: true } });
    while (delivery.state === "pending" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      delivery = await db.callbackDelivery.findUniqueOrThrow({ where: { taskId }, include: { attempts: true } });
    }
    expect(delivery).toMatchObject({ state: "delivered", attemptCount: 1 });
    expect(delivery.attempts[0]).toMatchObject({ result: "delivered", statusCode: 204 });
  });

  it("never delivers to loopback without the development setting: blocked, not retried", async () => {
    env.CALLBACKS_ALLOW_LOOPBACK = false;
    received = [];
    const key = await liveKey();
    const { taskId } = await run(key, "flux-2-pro", { prompt: "nowhere to go" }, url);
    const deadline = Date.now() + 10_000;
    let delivery = await db.callbackDelivery.findUnique({ where: { taskId } });
    while (delivery?.state !== "blocked" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      delivery = await db.callbackDelivery.findUnique({ where: { taskId } });
    }
    expect(delivery).toMatchObject({ state: "blocked", attemptCount: 1, nextAttemptAt: null });
    expect(received).toHaveLength(0);
  });
});
