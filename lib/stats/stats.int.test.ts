import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { newAccount } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { readVariantStats } from "./read";
import { recomputeVariantStats, recomputeVariantStatsIfEmpty } from "./recompute";

// The figures span every account, so this file counts only its own tasks in a database of its own.
withScratchDatabase("stats");

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Midnight UTC of yesterday: every seeded moment lies in the past, whatever the clock says. */
const day0 = Math.floor(Date.now() / DAY) * DAY - DAY;
const now = new Date(day0 + 10 * HOUR);
/** A moment `days` days before now's UTC day, at `hours` past midnight. */
const at = (days: number, hours: number) => new Date(day0 - days * DAY + hours * HOUR);
const dayName = (days: number) => new Date(day0 - days * DAY).toISOString().slice(0, 10);

const real = "stats-real-model";
const demo = "stats-demo-model";
const stale = "stats-stale-model";
const idle = "stats-idle-model";

type Seed = {
  variant: string;
  createdAt: Date;
  state: "waiting" | "queuing" | "generating" | "success" | "fail";
  latencyMs?: number;
  simulated?: boolean;
  mode?: "live" | "test";
};

let accountIds: string[] = [];

async function seed(tasks: Seed[]): Promise<void> {
  await db.task.createMany({
    data: tasks.map((t, i) => {
      const submittedAt = t.state === "waiting" ? null : new Date(t.createdAt.getTime() + 250);
      const ended = t.state === "success" || t.state === "fail";
      return {
        id: newId("task"),
        // Spread over two accounts: the figures are the whole instance's.
        accountId: accountIds[i % accountIds.length]!,
        variantSlug: t.variant,
        modelRequested: t.variant,
        mode: t.mode ?? "live",
        surface: "task_api" as const,
        state: t.state,
        input: { prompt: "x" },
        width: 1024,
        height: 1024,
        priceMicros: 0n,
        simulated: t.simulated ?? false,
        deadlineAt: new Date(t.createdAt.getTime() + HOUR),
        createdAt: t.createdAt,
        submittedAt,
        finishedAt: ended && submittedAt ? new Date(submittedAt.getTime() + (t.latencyMs ?? 1)) : null,
      };
    }),
  });
}

beforeAll(async () => {
  accountIds = [await newAccount(), await newAccount()];
  await seed([
    // The real upstream's variant, today (day 0): two successes and a failure.
    { variant: real, createdAt: at(0, 9), state: "success", latencyMs: 1000 },
    { variant: real, createdAt: at(0, 8), state: "success", latencyMs: 3000 },
    { variant: real, createdAt: at(0, 7), state: "fail" },
    // Four days back: three successes.
    { variant: real, createdAt: at(4, 12), state: "success", latencyMs: 500 },
    { variant: real, createdAt: at(4, 13), state: "success", latencyMs: 700 },
    { variant: real, createdAt: at(4, 14), state: "success", latencyMs: 20_000 },
    // The window opens at 10:00 seven days back: a failure just inside, a success just outside.
    { variant: real, createdAt: at(7, 11), state: "fail" },
    { variant: real, createdAt: at(7, 9), state: "success", latencyMs: 9999 },
    // Nine and eight days back: outside.
    { variant: real, createdAt: at(9, 12), state: "success", latencyMs: 9999 },
    { variant: real, createdAt: at(8, 12), state: "fail" },
    // Not ended: never counted.
    { variant: real, createdAt: at(1, 12), state: "waiting" },
    { variant: real, createdAt: at(1, 13), state: "generating" },
    { variant: real, createdAt: at(1, 14), state: "queuing" },
    // Created after `now`.
    { variant: real, createdAt: at(0, 11), state: "success", latencyMs: 9999 },
    // A test key's simulated tasks say nothing about the real upstream: left out while real ones exist.
    { variant: real, createdAt: at(2, 12), state: "success", latencyMs: 5, simulated: true, mode: "test" },
    { variant: real, createdAt: at(2, 13), state: "fail", simulated: true, mode: "test" },

    // Only ever simulated (a demo instance): live and test tasks alike.
    { variant: demo, createdAt: at(3, 1), state: "success", latencyMs: 100, simulated: true },
    { variant: demo, createdAt: at(3, 2), state: "success", latencyMs: 200, simulated: true, mode: "test" },
    { variant: demo, createdAt: at(3, 3), state: "fail", simulated: true },
    { variant: demo, createdAt: at(2, 4), state: "success", latencyMs: 400, simulated: true },
    { variant: demo, createdAt: at(8, 4), state: "success", latencyMs: 9999, simulated: true },

    // Tasks, but none ended in the window.
    { variant: stale, createdAt: at(9, 1), state: "success", latencyMs: 100 },
    { variant: idle, createdAt: at(1, 1), state: "waiting" },
  ]);
});

beforeEach(async () => {
  await db.variantStats.deleteMany();
});

const zero = (days: number) => ({ day: dayName(days), requests: 0, successes: 0, medianLatencyMs: null, simulated: 0 });

describe("recomputeVariantStats", () => {
  it("counts the window's ended tasks with exact medians, per variant and per UTC day", async () => {
    expect(await recomputeVariantStats(now)).toBe(2);
    const rows = await db.variantStats.findMany({ orderBy: { variantSlug: "asc" } });
    expect(rows.map((r) => r.variantSlug)).toEqual([demo, real]);

    const realRow = rows.find((r) => r.variantSlug === real)!;
    expect(realRow).toMatchObject({ requests: 7, successes: 5, medianLatencyMs: 1000, computedAt: now });
    expect(realRow.daily).toEqual([
      { day: dayName(7), requests: 1, successes: 0, medianLatencyMs: null, simulated: 0 },
      zero(6),
      zero(5),
      { day: dayName(4), requests: 3, successes: 3, medianLatencyMs: 700, simulated: 0 },
      zero(3),
      zero(2),
      zero(1),
      { day: dayName(0), requests: 3, successes: 2, medianLatencyMs: 2000, simulated: 0 },
    ]);

    const demoRow = rows.find((r) => r.variantSlug === demo)!;
    expect(demoRow).toMatchObject({ requests: 4, successes: 3, medianLatencyMs: 200 });
    expect(demoRow.daily).toEqual([
      zero(7),
      zero(6),
      zero(5),
      zero(4),
      { day: dayName(3), requests: 3, successes: 2, medianLatencyMs: 150, simulated: 3 },
      { day: dayName(2), requests: 1, successes: 1, medianLatencyMs: 400, simulated: 1 },
      zero(1),
      zero(0),
    ]);
  });

  it("removes the rows of variants without tasks in the window and rewrites the others", async () => {
    const old = { requests: 1, successes: 1, medianLatencyMs: 1, daily: [], computedAt: new Date(day0 - 30 * DAY) };
    await db.variantStats.createMany({
      data: [
        { variantSlug: stale, ...old },
        { variantSlug: real, ...old },
      ],
    });
    await recomputeVariantStats(now);
    const rows = await db.variantStats.findMany({ orderBy: { variantSlug: "asc" } });
    expect(rows.map((r) => [r.variantSlug, r.requests, r.computedAt])).toEqual([
      [demo, 4, now],
      [real, 7, now],
    ]);
  });

  it("leaves the table to a recompute that holds the lock", async () => {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lumigate:variant-stats'))`;
      expect(await recomputeVariantStats(now)).toBeNull();
    });
    expect(await db.variantStats.count()).toBe(0);
    expect(await recomputeVariantStats(now)).toBe(2);
  });

  it("at a worker's start, computes only while the table is empty", async () => {
    const old = { requests: 1, successes: 1, medianLatencyMs: 1, daily: [], computedAt: new Date(day0 - 30 * DAY) };
    await db.variantStats.create({ data: { variantSlug: stale, ...old } });
    await recomputeVariantStatsIfEmpty();
    expect(await db.variantStats.findMany({ select: { variantSlug: true } })).toEqual([{ variantSlug: stale }]);

    await db.variantStats.deleteMany();
    await recomputeVariantStatsIfEmpty();
    const slugs = (await db.variantStats.findMany({ select: { variantSlug: true } })).map((r) => r.variantSlug);
    expect(slugs).toContain(real);
    expect(slugs).toContain(demo);
  });
});

describe("readVariantStats", () => {
  it("gives the stored figures of the asked variants, and whether they are simulated", async () => {
    await recomputeVariantStats(now);
    const some = await readVariantStats([real, idle, "no-such-model"]);
    expect([...some.keys()]).toEqual([real]);
    expect(some.get(real)).toMatchObject({ requests: 7, successes: 5, medianLatencyMs: 1000, isSimulated: false, computedAt: now });
    expect(some.get(real)!.daily).toHaveLength(8);

    const all = await readVariantStats();
    expect([...all.keys()].sort()).toEqual([demo, real]);
    expect(all.get(demo)).toMatchObject({ requests: 4, successes: 3, medianLatencyMs: 200, isSimulated: true });
    expect(await readVariantStats([])).toEqual(new Map());
  });
});
