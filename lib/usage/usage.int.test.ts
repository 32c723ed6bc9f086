import { beforeAll, describe, expect, it } from "vitest";
import { GET as usageRoute } from "@/app/api/v1/usage/route";
import { capture, debitOnce, release, reserve } from "@/lib/billing";
import { catalogSource } from "@/lib/catalog/source";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { call, getRequest, newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { getDailyUsage, getUsagePage, recentTasks, spendSparkline } from "./index";

const m1 = catalogSource.variants[0]!.slug;
const m2 = catalogSource.variants[1]!.slug;
const now = new Date("2026-03-10T12:00:00Z");

type Seed = {
  model: string;
  keyId: string | null;
  surface: "task_api" | "openai" | "playground";
  mode?: "live" | "test";
  state: "success" | "fail" | "generating";
  at: string;
  latencyMs?: number;
  heldMicros?: number;
  capturedMicros?: number;
  /** The capture's time when it differs from the task's (a task finished the next day). */
  chargedAt?: string;
};

/** A task with its hold settled by the billing code itself, the entries then dated to the seeded day. */
async function seedTask(accountId: string, s: Seed): Promise<string> {
  const id = newId("task");
  const createdAt = new Date(s.at);
  await db.task.create({
    data: {
      id,
      accountId,
      apiKeyId: s.keyId,
      variantSlug: s.model,
      modelRequested: s.model,
      mode: s.mode ?? "live",
      surface: s.surface,
      state: s.state,
      input: { prompt: "x" },
      width: 1024,
      height: 1024,
      priceMicros: BigInt(s.heldMicros ?? 0),
      simulated: true,
      deadlineAt: new Date(Date.UTC(2032, 0, 1)),
      createdAt,
      submittedAt: new Date(createdAt.getTime() + 100),
      finishedAt: s.latencyMs === undefined ? null : new Date(createdAt.getTime() + 100 + s.latencyMs),
    },
  });
  if (s.heldMicros) {
    await reserve({ accountId, apiKeyId: s.keyId, amountMicros: s.heldMicros, taskId: id, now: createdAt });
    await (s.capturedMicros === undefined ? release(id) : capture(id, s.capturedMicros));
    await db.ledgerEntry.updateMany({ where: { taskId: id }, data: { createdAt: new Date(s.chargedAt ?? s.at) } });
  }
  return id;
}

let accountId: string;
let other: string;
let keys: { k1: string; k2: string; kt: string; noRead: string };
let k1Secret: string;
let otherSecret: string;

beforeAll(async () => {
  accountId = await newAccount(10 * USD);
  other = await newAccount(10 * USD);
  await db.account.update({ where: { id: accountId }, data: { monthlyCapMicros: 2n * BigInt(USD) } });
  const k1 = await newKey(accountId);
  k1Secret = k1.key;
  const k2 = await newKey(accountId);
  const kt = await newKey(accountId, { mode: "test" });
  const noRead = await newKey(accountId, { scopes: ["generate"] });
  keys = { k1: k1.keyId, k2: k2.keyId, kt: kt.keyId, noRead: noRead.key };
  const o = await newKey(other);
  otherSecret = o.key;

  await seedTask(accountId, { model: m1, keyId: keys.k1, surface: "task_api", state: "success", at: "2026-02-27T10:00:00Z", latencyMs: 1500, heldMicros: 35_000, capturedMicros: 35_000 });
  await seedTask(accountId, { model: m1, keyId: keys.k1, surface: "task_api", state: "success", at: "2026-03-08T09:00:00Z", latencyMs: 2000, heldMicros: 35_000, capturedMicros: 35_000 });
  await seedTask(accountId, { model: m1, keyId: keys.k2, surface: "openai", state: "success", at: "2026-03-09T23:59:59Z", chargedAt: "2026-03-10T00:00:01Z", latencyMs: 4000, heldMicros: 35_000, capturedMicros: 35_000 });
  await seedTask(accountId, { model: m2, keyId: keys.k1, surface: "openai", state: "fail", at: "2026-03-09T08:00:00Z", latencyMs: 900, heldMicros: 50_000 });
  await seedTask(accountId, { model: m2, keyId: keys.k2, surface: "playground", state: "success", at: "2026-03-10T08:00:00Z", latencyMs: 3000, heldMicros: 50_000, capturedMicros: 7_000 });
  await seedTask(accountId, { model: m2, keyId: null, surface: "playground", state: "success", at: "2026-03-10T09:00:00Z", latencyMs: 5000, heldMicros: 50_000, capturedMicros: 50_000 });
  await seedTask(accountId, { model: m1, keyId: keys.kt, surface: "task_api", mode: "test", state: "success", at: "2026-03-10T10:00:00Z", latencyMs: 1000 });
  await seedTask(accountId, { model: m1, keyId: keys.k1, surface: "task_api", state: "generating", at: "2026-03-10T11:00:00Z" });
  await db.$transaction((tx) => debitOnce(tx, "refund", { accountId, amountMicros: USD, memo: "Refund", externalRef: `re_${accountId}` }));
  await seedTask(other, { model: m1, keyId: null, surface: "task_api", state: "success", at: "2026-03-10T09:00:00Z", latencyMs: 1000, heldMicros: 35_000, capturedMicros: 35_000 });
});

/** What the ledger itself says was charged, per UTC day and model (loaded row by row: the reference). */
async function ledgerSpend(account: string, from: string, to: string, where: (t: { variantSlug: string; apiKeyId: string | null; surface: string; mode: string }) => boolean = () => true) {
  const entries = await db.ledgerEntry.findMany({
    where: { accountId: account, kind: "capture", createdAt: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) } },
  });
  const tasks = new Map((await db.task.findMany({ where: { accountId: account } })).map((t) => [t.id, t]));
  const perDayModel = new Map<string, number>();
  for (const e of entries) {
    const task = tasks.get(e.taskId!)!;
    if (!where(task)) continue;
    const id = `${e.createdAt.toISOString().slice(0, 10)} ${task.variantSlug}`;
    perDayModel.set(id, (perDayModel.get(id) ?? 0) - Number(e.amountMicros));
  }
  return perDayModel;
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

describe("usage page figures", () => {
  it("match the ledger's captures per day and model to the micro-USD, refunds and releases aside", async () => {
    const { figures, search } = await getUsagePage(accountId, {}, now);
    expect(search.range).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    const reference = await ledgerSpend(accountId, "2026-02-09", "2026-03-10");
    expect(sum(reference.values())).toBe(35_000 * 3 + 7_000 + 50_000);
    expect(figures.totals.spendMicros).toBe(sum(reference.values()));

    expect(figures.spend.points).toHaveLength(30);
    const seriesOf = new Map(figures.spend.series.map((s) => [s.id, s.label]));
    const labelOf = (slug: string) => catalogSource.variants.find((v) => v.slug === slug)!.displayName;
    const charted = new Map<string, number>();
    for (const point of figures.spend.points) {
      for (const [id, label] of seriesOf) {
        const amount = point[id] as number;
        if (amount) charted.set(`${point.day} ${label}`, amount);
      }
    }
    expect(charted).toEqual(new Map([...reference].map(([id, v]) => { const [day, slug] = id.split(" "); return [`${day} ${labelOf(slug!)}`, v]; })));
    // The capture after midnight counts on the day it was charged.
    expect(reference.get(`2026-03-10 ${m1}`)).toBe(35_000);

    expect(figures.totals.tasks).toBe(8);
    expect(figures.totals.successRate).toBeCloseTo(6 / 7);
    expect(sum(figures.models.map((m) => m.spendMicros))).toBe(figures.totals.spendMicros);
    expect(figures.models.find((m) => m.model === m1)).toMatchObject({ tasks: 5, successes: 4, failures: 0, successRate: 1, p50Ms: 1750, p95Ms: 3700, spendMicros: 105_000 });
    expect(figures.models.find((m) => m.model === m2)).toMatchObject({ tasks: 3, successes: 2, failures: 1, p50Ms: 4000, p95Ms: 4900, spendMicros: 57_000 });
  });

  it("counts tasks per day by state", async () => {
    const { figures } = await getUsagePage(accountId, { range: "7" }, now);
    expect(figures.states.points.map((p) => p.day)).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(figures.states.points.at(-1)).toEqual({ day: "2026-03-10", waiting: 0, queuing: 0, generating: 1, success: 3, fail: 0 });
    expect(figures.states.points.at(-2)).toEqual({ day: "2026-03-09", waiting: 0, queuing: 0, generating: 0, success: 1, fail: 1 });
  });

  type TaskFields = { variantSlug: string; apiKeyId: string | null; surface: string; mode: string };
  it.each<[string, () => Record<string, string>, (t: TaskFields) => boolean, number]>([
    ["model", () => ({ model: m1 }), (t) => t.variantSlug === m1, 5],
    ["key", () => ({ key: keys.k1 }), (t) => t.apiKeyId === keys.k1, 4],
    ["source", () => ({ source: "playground" }), (t) => t.surface === "playground", 2],
    ["mode", () => ({ mode: "test" }), (t) => t.mode === "test", 1],
  ])("filters by %s", async (_, params, where, tasks) => {
    const { figures, search } = await getUsagePage(accountId, params(), now);
    expect(search.filters).toEqual(params());
    const reference = await ledgerSpend(accountId, "2026-02-09", "2026-03-10", where);
    expect(figures.totals.spendMicros).toBe(sum(reference.values()));
    expect(figures.totals.tasks).toBe(tasks);
  });

  it("groups spend by key, the keyless playground tasks on their own", async () => {
    const { figures } = await getUsagePage(accountId, { view: "key" }, now);
    const totals = new Map(figures.spend.series.map((s) => [s.label, sum(figures.spend.points.map((p) => p[s.id] as number))]));
    expect(totals.get("No key (playground)")).toBe(50_000);
    expect(sum(totals.values())).toBe(figures.totals.spendMicros);
    expect(figures.spend.series).toHaveLength(3);
  });

  it("adds up this month's charges against the monthly cap, last month's aside", async () => {
    const { figures } = await getUsagePage(accountId, { range: "7", model: m2 }, now);
    expect(figures.month.capMicros).toBe(2 * USD);
    expect(figures.month.points).toHaveLength(10);
    expect(figures.month.points.at(-1)!.total).toBe(35_000 * 2 + 7_000 + 50_000);
    expect(figures.month.points.find((p) => p.day === "2026-03-08")!.total).toBe(35_000);
  });

  it("tells an account without any task apart, and never shows another account's", async () => {
    const fresh = await newAccount(0);
    expect((await getUsagePage(fresh, {}, now)).figures).toMatchObject({ hasTasks: false, totals: { spendMicros: 0, tasks: 0, successRate: null }, models: [] });
    expect((await getUsagePage(other, {}, now)).figures.totals).toEqual({ spendMicros: 35_000, tasks: 1, successRate: 1 });
  });
});

describe("overview", () => {
  it("lists the newest tasks first and sparks the last 30 days of spend", async () => {
    const recent = await recentTasks(accountId, 5);
    expect(recent.map((t) => t.createdAt)).toEqual([
      "2026-03-10T11:00:00.000Z",
      "2026-03-10T10:00:00.000Z",
      "2026-03-10T09:00:00.000Z",
      "2026-03-10T08:00:00.000Z",
      "2026-03-09T23:59:59.000Z",
    ]);
    expect(recent[0]).toMatchObject({ model: m1, state: "generating", thumbnailUrl: null });
    const spark = await spendSparkline(accountId, now);
    expect(spark).toHaveLength(30);
    expect(sum(spark.map((p) => p.spendMicros))).toBe(35_000 * 3 + 7_000 + 50_000);
  });
});

describe("GET /api/v1/usage", () => {
  const url = (query: string) => `http://localhost/api/v1/usage?${query}`;

  it("200: per day and model, totals equal to the ledger's captures", async () => {
    const { status, body } = await call(usageRoute, getRequest(url("from=2026-03-08&to=2026-03-10"), k1Secret));
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      msg: "success",
      data: {
        days: [
          { day: "2026-03-08", model: m1, spendMicros: 35_000, tasks: 1, successes: 1, failures: 0 },
          { day: "2026-03-09", model: m1, spendMicros: 0, tasks: 1, successes: 1, failures: 0 },
          { day: "2026-03-09", model: m2, spendMicros: 0, tasks: 1, successes: 0, failures: 1 },
          { day: "2026-03-10", model: m1, spendMicros: 35_000, tasks: 2, successes: 1, failures: 0 },
          { day: "2026-03-10", model: m2, spendMicros: 57_000, tasks: 2, successes: 2, failures: 0 },
        ].sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model)),
        totals: { spendMicros: sum((await ledgerSpend(accountId, "2026-03-08", "2026-03-10")).values()), tasks: 8 - 1 },
      },
    });
  });

  it("200: filters by model, source and mode", async () => {
    const range = { from: "2026-02-09", to: "2026-03-10" };
    expect((await getDailyUsage(accountId, { ...range, model: m2 })).totals).toEqual({ spendMicros: 57_000, tasks: 3 });
    expect((await getDailyUsage(accountId, { ...range, source: "openai" })).totals).toEqual({ spendMicros: 35_000, tasks: 2 });
    const { body } = await call(usageRoute, getRequest(url("from=2026-02-09&to=2026-03-10&mode=test"), k1Secret));
    expect(body.data).toEqual({ days: [{ day: "2026-03-10", model: m1, spendMicros: 0, tasks: 1, successes: 1, failures: 0 }], totals: { spendMicros: 0, tasks: 1 } });
  });

  it("200: only the key's own account", async () => {
    const { body } = await call(usageRoute, getRequest(url("from=2026-03-01&to=2026-03-10"), otherSecret));
    expect(body.data.totals).toEqual({ spendMicros: 35_000, tasks: 1 });
  });

  it("401: no key", async () => {
    const { status, body } = await call(usageRoute, getRequest(url(""), null));
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 401, data: null });
  });

  it("403: a key without the read scope", async () => {
    const { status, body } = await call(usageRoute, getRequest(url(""), keys.noRead));
    expect(status).toBe(403);
    expect(body.msg).toMatch(/'read' scope/);
  });

  it.each([
    ["more than 90 days", "from=2026-01-01&to=2026-04-01", /at most 90 days/],
    ["from after to", "from=2026-03-02&to=2026-03-01", /must not come after/],
    ["an impossible day", "from=2026-02-30", /YYYY-MM-DD/],
    ["an unknown source", "source=fax", /source/],
  ])("422: %s", async (_, query, message) => {
    const { status, body } = await call(usageRoute, getRequest(url(query), k1Secret));
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 422, msg: expect.stringMatching(message), data: null });
  });
});
