import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createTaskRoute } from "@/app/api/v1/jobs/createTask/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { finishTask } from "@/lib/tasks/transitions";
import { call, jsonRequest, newAccount, newKey } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { startLocalServer, type LocalServer } from "@/lib/webhooks/test-servers";
import { deliverCallbackAttempt } from "@/lib/worker/callback";
import { getTaskDetailOrThrow, listTaskLog, parseTaskLogQuery, redeliverCallback, taskLogCsvStream, type TaskLogFilters } from "./index";

withScratchDatabase("tasklog");

type Seed = {
  keyId?: string | null;
  variantSlug?: string;
  state?: "waiting" | "success" | "fail";
  failCode?: string;
  surface?: "task_api" | "openai" | "replicate" | "mcp" | "playground";
  mode?: "live" | "test";
  createdAt: Date;
};

async function seedTask(accountId: string, s: Seed): Promise<string> {
  const id = newId("task");
  const state = s.state ?? "success";
  const ended = state !== "waiting";
  await db.task.create({
    data: {
      id,
      accountId,
      apiKeyId: s.keyId ?? null,
      variantSlug: s.variantSlug ?? "flux-2-pro-text-to-image-1k",
      modelRequested: "flux-2-pro",
      mode: s.mode ?? "live",
      surface: s.surface ?? "task_api",
      state,
      failCode: s.failCode ?? null,
      input: { prompt: "x" },
      width: 1024,
      height: 768,
      priceMicros: 35_000n,
      simulated: true,
      deadlineAt: new Date(s.createdAt.getTime() + 600_000),
      createdAt: s.createdAt,
      finishedAt: ended ? new Date(s.createdAt.getTime() + 4_000) : null,
    },
  });
  return id;
}

const day = (iso: string, minute = 0) => new Date(`${iso}T00:${String(minute).padStart(2, "0")}:00.000Z`);

describe("listTaskLog", () => {
  let accountId: string;
  let keyA: string;
  let keyB: string;
  const ids = {} as Record<"old" | "failed" | "cancelled" | "flex" | "testMode" | "playground" | "running" | "tieA" | "tieB", string>;

  beforeAll(async () => {
    accountId = await newAccount();
    keyA = (await newKey(accountId)).keyId;
    keyB = (await newKey(accountId, { mode: "test" })).keyId;
    ids.old = await seedTask(accountId, { keyId: keyA, createdAt: day("2026-10-01") });
    ids.failed = await seedTask(accountId, { keyId: keyA, state: "fail", failCode: "generation_failed", createdAt: day("2026-10-02") });
    ids.cancelled = await seedTask(accountId, { keyId: keyA, state: "fail", failCode: "canceled", createdAt: day("2026-10-03") });
    ids.flex = await seedTask(accountId, { keyId: keyA, variantSlug: "flux-2-flex-text-to-image-1k", createdAt: day("2026-10-04") });
    ids.testMode = await seedTask(accountId, { keyId: keyB, mode: "test", createdAt: day("2026-10-05") });
    ids.playground = await seedTask(accountId, { surface: "playground", createdAt: day("2026-10-06") });
    ids.running = await seedTask(accountId, { keyId: keyA, state: "waiting", createdAt: day("2026-10-07") });
    // Same instant: the id breaks the tie, and the cursor must not skip or repeat either.
    ids.tieA = await seedTask(accountId, { keyId: keyA, createdAt: day("2026-10-08") });
    ids.tieB = await seedTask(accountId, { keyId: keyA, createdAt: day("2026-10-08") });
    const other = await newAccount();
    await seedTask(other, { createdAt: day("2026-10-05") });
  });

  const list = async (filters: TaskLogFilters) => (await listTaskLog(accountId, { filters, cursor: null })).rows.map((r) => r.id);

  it("lists the account's tasks newest first, and no other account's", async () => {
    const [tieNewer, tieOlder] = [ids.tieA, ids.tieB].sort().reverse();
    expect(await list({})).toEqual([tieNewer, tieOlder, ids.running, ids.playground, ids.testMode, ids.flex, ids.cancelled, ids.failed, ids.old]);
  });

  it.each<[string, () => TaskLogFilters, () => string[]]>([
    ["model", () => ({ model: "flux-2-flex-text-to-image-1k" }), () => [ids.flex]],
    ["state fail, cancelled included", () => ({ state: "fail" }), () => [ids.cancelled, ids.failed]],
    ["state cancelled", () => ({ state: "cancelled" }), () => [ids.cancelled]],
    ["state waiting", () => ({ state: "waiting" }), () => [ids.running]],
    ["key", () => ({ key: keyB }), () => [ids.testMode]],
    ["source", () => ({ source: "playground" }), () => [ids.playground]],
    ["mode", () => ({ mode: "test" }), () => [ids.testMode]],
    ["from and to, both inclusive UTC days", () => ({ from: "2026-10-02", to: "2026-10-04" }), () => [ids.flex, ids.cancelled, ids.failed]],
    ["filters combined", () => ({ key: keyA, state: "fail", to: "2026-10-02" }), () => [ids.failed]],
  ])("filters by %s", async (_, filters, expected) => {
    expect(await list(filters())).toEqual(expected());
  });

  it("shows cost, latency, key name and the cancelled state", async () => {
    const rows = (await listTaskLog(accountId, { filters: {}, cursor: null })).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.old)).toMatchObject({ state: "success", costMicros: 35_000, latencyMs: 4_000, keyName: "test", source: "task_api", mode: "live" });
    expect(byId.get(ids.cancelled)).toMatchObject({ state: "cancelled", costMicros: 0 });
    expect(byId.get(ids.running)).toMatchObject({ state: "waiting", latencyMs: null, costMicros: 0 });
    expect(byId.get(ids.playground)).toMatchObject({ keyId: null, keyName: null, source: "playground" });
  });

  it("pages with the cursor without skipping or repeating a task", async () => {
    const all = await list({});
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const query = parseTaskLogQuery(cursor ? { cursor } : {});
      const page = await listTaskLog(accountId, { ...query, limit: 2 });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);
  });

  it("drops invalid search params instead of failing", () => {
    expect(parseTaskLogQuery({ model: "flux", state: "exploded", key: "nope", source: "fax", mode: "x", from: "2026-13-01", to: "0000-01-01", cursor: "abc" })).toEqual({
      filters: { model: "flux" },
      cursor: null,
    });
    expect(parseTaskLogQuery({ state: ["cancelled", "fail"], from: "2026-10-01" }).filters).toEqual({ state: "cancelled", from: "2026-10-01" });
  });

  it("exports one CSV row per selected task, formula-safe, streamed", async () => {
    const text = await new Response(taskLogCsvStream(accountId, {})).text();
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("created_at,task_id,model,state,fail_code,latency_ms,cost_usd,cost_micros,key_id,key_name,source,mode,finished_at");
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(await list({}));
    expect(lines.find((l) => l.includes(ids.old))).toBe(
      `2026-10-01T00:00:00.000Z,${ids.old},flux-2-pro-text-to-image-1k,success,,4000,0.035000,35000,${keyA},test,task_api,live,2026-10-01T00:00:04.000Z`,
    );
    const filtered = await new Response(taskLogCsvStream(accountId, { state: "fail" })).text();
    expect(filtered.split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("quotes a key name a spreadsheet would run as a formula", async () => {
    await db.apiKey.update({ where: { id: keyB }, data: { name: '=HYPERLINK("x"),1' } });
    const text = await new Response(taskLogCsvStream(accountId, { key: keyB })).text();
    expect(text).toContain(`,"'=HYPERLINK(""x""),1",`);
  });

  it("streams more than one page", async () => {
    const big = await newAccount();
    await db.$executeRaw`
      INSERT INTO "Task" ("id", "accountId", "variantSlug", "modelRequested", "mode", "surface", "state", "input", "width", "height",
        "priceMicros", "simulated", "deadlineAt", "createdAt", "updatedAt")
      SELECT 'task_csv' || lpad(g::text, 16, '0'), ${big}, 'flux-2-pro-text-to-image-1k', 'flux-2-pro', 'live', 'task_api', 'success',
        '{}'::jsonb, 1024, 768, 35000, true, now(), now() - g * interval '1 second', now()
      FROM generate_series(1, 2500) g`;
    const text = await new Response(taskLogCsvStream(big, {})).text();
    const rows = text.split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r.split(",")[1])).size).toBe(2500);
  });
});

describe("task detail and redeliver", () => {
  let receiver: LocalServer;
  let accountId: string;
  let key: string;

  beforeAll(async () => {
    env.CALLBACKS_ALLOW_LOOPBACK = true;
    receiver = await startLocalServer((_, res) => {
      res.statusCode = 200;
      res.end("ok");
    });
    accountId = await newAccount();
    key = (await newKey(accountId)).key;
  });
  afterAll(async () => {
    env.CALLBACKS_ALLOW_LOOPBACK = false;
    await receiver.close();
  });

  const create = async (callBackUrl?: string) => {
    const body = { model: "flux-2-pro", input: { prompt: "a lighthouse" }, ...(callBackUrl ? { callBackUrl } : {}) };
    const answer = await call(createTaskRoute, jsonRequest("http://localhost/api/v1/jobs/createTask", key, body));
    expect(answer.status).toBe(200);
    return answer.body.data.taskId as string;
  };
  const deliveryOf = (taskId: string) => db.callbackDelivery.findUniqueOrThrow({ where: { taskId } });

  it("shows input, timeline, attempts, billing, images and callback attempts", async () => {
    const taskId = await create(`${receiver.origin}/hook`);
    await db.taskAttempt.create({ data: { id: newId("att"), taskId, providerSlug: "bfl", simulated: true, outcome: "unavailable", message: "503", latencyMs: 12 } });
    await db.taskAttempt.create({ data: { id: newId("att"), taskId, providerSlug: "fal", simulated: true, outcome: "accepted", latencyMs: 30 } });
    await db.task.update({ where: { id: taskId }, data: { submittedAt: new Date(), startedAt: new Date() } });
    const media = { id: `med_${taskId.slice(5)}`, position: 0, storageKey: "k", thumbKey: "t", contentType: "image/png", width: 1024, height: 768, bytes: 10, expiresAt: new Date(Date.now() + 86_400_000) };
    expect(await finishTask(taskId, { kind: "success", media: [media] })).toBe(true);
    await deliverCallbackAttempt((await deliveryOf(taskId)).id);

    const detail = await getTaskDetailOrThrow(accountId, taskId, "http://gw.test");
    expect(detail).toMatchObject({ id: taskId, state: "success", source: "task_api", mode: "live", input: { prompt: "a lighthouse" }, key: { name: "test" } });
    expect(detail.timeline.map((s) => s.step)).toEqual(["created", "submitted", "started", "finished", "media_copied"]);
    expect(detail.routeAttempts.map((a) => [a.providerSlug, a.outcome])).toEqual([["bfl", "unavailable"], ["fal", "accepted"]]);
    expect(detail.billing).toMatchObject({
      priceMicros: 35_000,
      chargedMicros: 35_000,
      hold: { amountMicros: 35_000, state: "captured", capturedMicros: 35_000 },
    });
    expect(detail.billing.ledger.map((e) => [e.kind, e.amountMicros])).toEqual([["hold", 0], ["capture", -35_000]]);
    expect(detail.images).toEqual([expect.objectContaining({ url: `http://gw.test/media/${media.id}.png`, thumbnailUrl: `http://gw.test/media/${media.id}.thumb.webp` })]);
    expect(detail.callback).toMatchObject({ state: "delivered", attempts: [{ attempt: 1, result: "delivered", statusCode: 200 }] });
    expect(detail.redeliverBlocked).toBeNull();
  });

  it("redeliver sends one more attempt of the same payload", async () => {
    const taskId = await create(`${receiver.origin}/again`);
    await finishTask(taskId, { kind: "fail", code: "generation_failed", message: "no" });
    const { id: deliveryId } = await deliveryOf(taskId);
    await deliverCallbackAttempt(deliveryId);
    const before = receiver.received.filter((r) => r.url === "/again");
    expect(before).toHaveLength(1);

    expect(await redeliverCallback(accountId, taskId)).toEqual({ deliveryId });
    expect(await deliveryOf(taskId)).toMatchObject({ state: "pending" });
    const [job] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = ${`callback:${deliveryId}`}`;
    expect(job?.n).toBe(1n);
    // A second click while that delivery is scheduled is refused rather than doubled.
    await expect(redeliverCallback(accountId, taskId)).rejects.toMatchObject({ code: "conflict", message: /already scheduled/ });

    await deliverCallbackAttempt(deliveryId);
    const after = receiver.received.filter((r) => r.url === "/again");
    expect(after).toHaveLength(2);
    expect(after[1]?.body).toBe(before[0]?.body);
    expect(after[1]?.headers["webhook-id"]).toBe(before[0]?.headers["webhook-id"]);
    const detail = await getTaskDetailOrThrow(accountId, taskId, "");
    expect(detail.state).toBe("fail");
    expect(detail.billing.hold).toMatchObject({ state: "released" });
    expect(detail.callback?.attempts.map((a) => [a.attempt, a.result, a.statusCode])).toEqual([[1, "delivered", 200], [2, "delivered", 200]]);
  });

  it("409: a task without a callback URL, or not ended", async () => {
    const noUrl = await create();
    await finishTask(noUrl, { kind: "fail", code: "generation_failed", message: "no" });
    await expect(redeliverCallback(accountId, noUrl)).rejects.toMatchObject({ code: "conflict", message: /no callback URL/ });
    const running = await create(`${receiver.origin}/later`);
    await expect(redeliverCallback(accountId, running)).rejects.toMatchObject({ code: "conflict", message: /not ended/ });
    expect((await getTaskDetailOrThrow(accountId, running, "")).redeliverBlocked).toMatch(/not ended/);
  });

  it("404: another account's task, for the detail and for redeliver", async () => {
    const taskId = await create(`${receiver.origin}/mine`);
    await finishTask(taskId, { kind: "fail", code: "generation_failed", message: "no" });
    const stranger = await newAccount();
    const notFound = { code: "not_found", message: `No task ${taskId} on this account.` };
    await expect(getTaskDetailOrThrow(stranger, taskId, "")).rejects.toBeInstanceOf(AppError);
    await expect(getTaskDetailOrThrow(stranger, taskId, "")).rejects.toMatchObject(notFound);
    await expect(redeliverCallback(stranger, taskId)).rejects.toMatchObject(notFound);
    expect(await deliveryOf(taskId)).toMatchObject({ state: "pending", attemptCount: 0 });
  });
});
