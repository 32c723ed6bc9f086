import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { newAccount, newKey } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { taskLogSql } from "./query";
import type { TaskLogCursor, TaskLogFilters } from "./schemas";

// The task log must stay fast with 100,000 tasks in one account: every page it asks for uses an
// index on Task, never a sequential scan, whatever the filter.
withScratchDatabase("tasklog_indexes");

const TASKS = 100_000;
const OTHER_TASKS = 20_000;
const variants = ["flux-2-pro-text-to-image-1k", "flux-2-flex-text-to-image-1k", "flux-2-max-text-to-image-1k", "flux-2-klein-4b-text-to-image-1k"];

/** One INSERT ... SELECT: a spread of models, keys, states, sources and modes over 120 days. */
async function seed(accountId: string, keyIds: string[], count: number, prefix: string) {
  await db.$executeRaw`
    INSERT INTO "Task" ("id", "accountId", "apiKeyId", "variantSlug", "modelRequested", "mode", "surface", "state", "failCode",
      "input", "width", "height", "priceMicros", "simulated", "deadlineAt", "createdAt", "updatedAt", "finishedAt")
    SELECT ${prefix} || lpad(g::text, 12, '0'), ${accountId},
      CASE WHEN g % 10 = 0 THEN NULL ELSE (${keyIds}::text[])[1 + g % ${keyIds.length}] END,
      (${variants}::text[])[1 + (g / 7) % 4], 'flux-2-pro',
      (CASE WHEN g % 9 = 0 THEN 'test' ELSE 'live' END)::"KeyMode",
      (CASE WHEN g % 10 = 0 THEN 'playground' WHEN g % 13 = 0 THEN 'openai' WHEN g % 97 = 0 THEN 'mcp' WHEN g % 89 = 0 THEN 'replicate' ELSE 'task_api' END)::"TaskSurface",
      (CASE WHEN g % 20 = 0 THEN 'fail' WHEN g % 1000 = 1 THEN 'generating' ELSE 'success' END)::"TaskState",
      CASE WHEN g % 100 = 0 THEN 'canceled' WHEN g % 20 = 0 THEN 'generation_failed' END,
      '{"prompt":"x"}'::jsonb, 1024, 768, 35000, true, now(),
      now() - g * interval '100 seconds', now(), now() - g * interval '100 seconds' + interval '4 seconds'
    FROM generate_series(1, ${count}) g`;
}

let accountId: string;
let keyIds: string[];

beforeAll(async () => {
  accountId = await newAccount();
  keyIds = [(await newKey(accountId)).keyId, (await newKey(accountId)).keyId, (await newKey(accountId, { mode: "test" })).keyId];
  await seed(accountId, keyIds, TASKS, "task_a");
  for (let i = 0; i < 4; i++) {
    const other = await newAccount();
    await seed(other, [(await newKey(other)).keyId], OTHER_TASKS / 4, `task_o${i}`);
  }
  await db.$executeRawUnsafe(`ANALYZE "Task"`);
}, 120_000);

async function plan(filters: TaskLogFilters, cursor: TaskLogCursor | null = null): Promise<string> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${taskLogSql(accountId, filters, cursor, 51)}`);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the task log's queries on 100,000 tasks", () => {
  it("seeded what the plans are about", async () => {
    expect(await db.task.count({ where: { accountId } })).toBe(TASKS);
  });

  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

  // A selective filter with its own composite index must seek on it, not walk the account's tasks.
  const modelIndex = "Task_accountId_variantSlug_createdAt_idx";
  const keyIndex = "Task_accountId_apiKeyId_createdAt_idx";
  const stateIndex = "Task_accountId_state_createdAt_idx";

  it.each<[string, () => TaskLogFilters, string | null]>([
    ["the first page", () => ({}), null],
    ["model", () => ({ model: variants[1] }), modelIndex],
    ["a model with no tasks", () => ({ model: "flux-1-dev-text-to-image-1k" }), modelIndex],
    ["state success", () => ({ state: "success" }), null],
    ["state fail", () => ({ state: "fail" }), stateIndex],
    ["state cancelled", () => ({ state: "cancelled" }), null],
    ["state generating (rare)", () => ({ state: "generating" }), stateIndex],
    ["key", () => ({ key: keyIds[2] }), keyIndex],
    ["source playground", () => ({ source: "playground" }), null],
    ["source mcp (rare)", () => ({ source: "mcp" }), null],
    ["mode test", () => ({ mode: "test" }), null],
    ["from", () => ({ from: day(30) }), null],
    ["from and to", () => ({ from: day(60), to: day(50) }), null],
    ["model, key and a date range", () => ({ model: variants[0], key: keyIds[0], from: day(90), to: day(10) }), null],
  ])("%s uses an index on Task", async (_, filters, index) => {
    const text = await plan(filters());
    expect(text).not.toMatch(/Seq Scan on "Task"/);
    expect(text).toMatch(/Index (Only )?Scan.* on "Task"|Bitmap Index Scan on "Task_/);
    if (index) expect(text).toContain(`using "${index}" on "Task"`);
  });

  it("a later page (the cursor) uses an index too", async () => {
    const cursor = { createdAt: new Date(Date.now() - 40 * 86_400_000), id: "task_a000000034560" };
    for (const filters of [{}, { model: variants[2] }, { key: keyIds[1] }, { state: "fail" as const }, { source: "openai" as const }]) {
      expect(await plan(filters, cursor)).not.toMatch(/Seq Scan on "Task"/);
    }
  });
});
