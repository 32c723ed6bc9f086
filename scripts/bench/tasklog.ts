// Section 5: the task log's page query and the usage page's server work on one account with
// 100,000 tasks over 90 days (and other accounts' tasks beside them), seeded by SQL in the
// benchmark's database. Only the database is needed: `npm run bench -- --only tasklog` runs it alone.
import { catalogSource } from "@/lib/catalog/source";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createKey } from "@/lib/keys";
import { listTaskLog, parseTaskLogQuery, type TaskLogFilters, type TaskLogQuery } from "@/lib/tasklog";
import { getUsagePage } from "@/lib/usage";
import { ascending, count, fixed, percentile, section, table, verdict } from "./report";

export type TaskLogPlan = { tasks: number; otherAccounts: number; otherTasks: number; runs: number; warmup: number; usageRuns: number; usageWarmup: number };

const DAYS = 90;
const PAGE_TARGET_MS = 50;
const DEEP_PAGE = 20;
const MODELS = 5;

type Seeded = { accountId: string; liveKeyId: string; testKeyId: string };

/**
 * `count` tasks spread evenly over the last 90 days, newest first by g: a tenth from the playground
 * (no key), a third of the rest on the test key, 5% failed (a fifth of those cancelled), a few in
 * flight; then a result image per success and a capture entry per charged (live) success.
 */
async function seedAccount(name: string, count: number, prefix: string): Promise<Seeded> {
  const accountId = newId("acct");
  await db.account.create({ data: { id: accountId, name } });
  const scopes: ("generate" | "read")[] = ["generate", "read"];
  const live = await createKey({ accountId, name: `${name} live`, mode: "live", scopes });
  const test = await createKey({ accountId, name: `${name} test`, mode: "test", scopes });
  const variants = catalogSource.variants.slice(0, MODELS);
  const slugs = variants.map((v) => v.slug);
  const prices = variants.map((v) => v.priceMicros);
  const stepSec = (DAYS * 86_400) / count;
  await db.$executeRaw`
    INSERT INTO "Task" ("id", "accountId", "apiKeyId", "variantSlug", "modelRequested", "mode", "surface", "state", "failCode",
      "input", "width", "height", "priceMicros", "simulated", "deadlineAt", "createdAt", "updatedAt", "submittedAt", "finishedAt")
    SELECT ${prefix} || lpad(g::text, 9, '0'), ${accountId}, s."keyId", s."slug", s."slug", s."mode"::"KeyMode",
      (CASE WHEN s."keyId" IS NULL THEN 'playground' WHEN g % 13 = 0 THEN 'openai' WHEN g % 97 = 0 THEN 'mcp'
            WHEN g % 89 = 0 THEN 'replicate' ELSE 'task_api' END)::"TaskSurface",
      s."state"::"TaskState",
      CASE WHEN s."state" <> 'fail' THEN NULL WHEN g % 100 = 0 THEN 'canceled' ELSE 'generation_failed' END,
      '{"prompt":"bench"}'::jsonb, 1024, 768, CASE WHEN s."mode" = 'test' THEN 0 ELSE s."price" END, true,
      now() + interval '1 day', s."at", s."at", s."at" + interval '200 milliseconds',
      CASE WHEN s."state" IN ('success', 'fail') THEN s."at" + (3000 + g % 4000) * interval '1 millisecond' END
    FROM generate_series(1, ${count}::int) g
    CROSS JOIN LATERAL (
      SELECT CASE WHEN g % 10 = 0 THEN NULL WHEN g % 3 = 0 THEN ${test.record.id} ELSE ${live.record.id} END AS "keyId",
             CASE WHEN g % 10 <> 0 AND g % 3 = 0 THEN 'test' ELSE 'live' END AS "mode",
             (${slugs}::text[])[1 + (g / 7) % ${MODELS}::int] AS "slug",
             (${prices}::bigint[])[1 + (g / 7) % ${MODELS}::int] AS "price",
             CASE WHEN g % 1000 = 1 THEN 'generating' WHEN g % 1000 = 2 THEN 'queuing' WHEN g % 20 = 0 THEN 'fail' ELSE 'success' END AS "state",
             now() - g * ${stepSec}::float8 * interval '1 second' AS "at"
    ) s`;
  await db.$executeRaw`
    INSERT INTO "Media" ("id", "taskId", "accountId", "position", "storageKey", "thumbKey", "contentType", "width", "height", "bytes", "createdAt", "expiresAt")
    SELECT 'med_' || t."id", t."id", t."accountId", 0, 'bench/' || t."id" || '.png', 'bench/' || t."id" || '.thumb.webp', 'image/png',
           1024, 768, 1500000, t."finishedAt", t."finishedAt" + interval '30 days'
    FROM "Task" t WHERE t."accountId" = ${accountId} AND t."state" = 'success'`;
  await db.$executeRaw`
    INSERT INTO "LedgerEntry" ("id", "accountId", "kind", "amountMicros", "reservedDeltaMicros", "taskId", "apiKeyId", "createdAt")
    SELECT 'txn_' || t."id", t."accountId", 'capture', -t."priceMicros", -t."priceMicros", t."id", t."apiKeyId", t."finishedAt"
    FROM "Task" t WHERE t."accountId" = ${accountId} AND t."state" = 'success' AND t."priceMicros" > 0`;
  return { accountId, liveKeyId: live.record.id, testKeyId: test.record.id };
}

/** Ascending wall times in ms of `runs` sequential calls after `warmup` untimed ones. */
async function timed(call: () => Promise<unknown>, warmup: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return ascending(ms);
}

const utcDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function benchListTaskLog(seeded: Seeded, plan: TaskLogPlan): Promise<void> {
  const { accountId } = seeded;
  // The cursor of page 20 as a reader reaches it: following nextCursor from the first page.
  let deepCursor: TaskLogQuery["cursor"] = null;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const next: string | null = (await listTaskLog(accountId, { filters: {}, cursor: deepCursor })).nextCursor;
    if (!next) throw new Error(`the task log ended before page ${DEEP_PAGE}: too few tasks seeded`);
    deepCursor = parseTaskLogQuery({ cursor: next }).cursor;
  }
  const cases: [string, TaskLogFilters, TaskLogQuery["cursor"]][] = [
    ["first page, no filter", {}, null],
    ["model", { model: catalogSource.variants[1]!.slug }, null],
    ["state fail", { state: "fail" }, null],
    ["state cancelled", { state: "cancelled" }, null],
    ["key (test key)", { key: seeded.testKeyId }, null],
    ["source playground", { source: "playground" }, null],
    ["source mcp (1% of tasks)", { source: "mcp" }, null],
    ["mode test", { mode: "test" }, null],
    ["date range, 60 to 50 days ago", { from: utcDaysAgo(60), to: utcDaysAgo(50) }, null],
    [`page ${DEEP_PAGE} (cursor), no filter`, {}, deepCursor],
  ];

  const rows: string[][] = [];
  let met = 0;
  for (const [name, filters, at] of cases) {
    const page = await listTaskLog(accountId, { filters, cursor: at });
    // An empty page would time a query that found nothing, not the filter.
    if (page.rows.length === 0) throw new Error(`task log case "${name}" selected no tasks`);
    const ms = await timed(() => listTaskLog(accountId, { filters, cursor: at }), plan.warmup, plan.runs);
    const [p50, p99] = [percentile(ms, 0.5), percentile(ms, 0.99)];
    if (p99 < PAGE_TARGET_MS) met++;
    rows.push([name, String(page.rows.length), fixed(p50, 2), fixed(p99, 2), verdict(p99 < PAGE_TARGET_MS)]);
  }
  console.log(`listTaskLog (one page of 50, key names and thumbnails joined): ${count(plan.runs)} runs per case after ${count(plan.warmup)} warm-up`);
  console.log(table(["case", "rows", "p50 ms", "p99 ms", `p99 < ${PAGE_TARGET_MS} ms`], rows));
  console.log(`\ntask log: ${met} of ${cases.length} cases meet p99 < ${PAGE_TARGET_MS} ms (target: ${verdict(met === cases.length)})`);
}

async function benchUsagePage(seeded: Seeded, plan: TaskLogPlan): Promise<void> {
  const model = catalogSource.variants[0]!.slug;
  const rows: string[][] = [];
  for (const days of [7, 30, 90]) {
    for (const params of [{ range: String(days) }, { range: String(days), model }]) {
      const page = await getUsagePage(seeded.accountId, params);
      // parseUsageSearch drops what it does not know: make sure the filter and range were taken.
      if (page.search.preset !== days || page.search.filters.model !== params.model) throw new Error(`the usage page did not take ${JSON.stringify(params)}`);
      const ms = await timed(() => getUsagePage(seeded.accountId, params), plan.usageWarmup, plan.usageRuns);
      rows.push([
        `last ${days} days${params.model ? ", one model" : ""}`,
        count(page.figures.totals.tasks),
        fixed(page.figures.totals.spendMicros / 1_000_000, 2),
        fixed(percentile(ms, 0.5), 2),
        fixed(percentile(ms, 0.99), 2),
      ]);
    }
  }
  console.log(`\ngetUsagePage (catalog, keys and account, then spend, counts, per-model stats, month to date): ${count(plan.usageRuns)} runs per case after ${count(plan.usageWarmup)} warm-up; no target set`);
  console.log(table(["case", "tasks", "spend USD", "p50 ms", "p99 ms"], rows));
}

export async function benchTaskLog(plan: TaskLogPlan): Promise<void> {
  const seedStarted = performance.now();
  const seeded = await seedAccount("bench tasklog", plan.tasks, "task_tl_a");
  for (let i = 0; i < plan.otherAccounts; i++) await seedAccount(`bench tasklog other ${i}`, plan.otherTasks / plan.otherAccounts, `task_tl_o${i}_`);
  await db.$executeRaw`ANALYZE "Task", "Media", "LedgerEntry", "ApiKey"`;
  const seedSec = (performance.now() - seedStarted) / 1000;

  section(
    `5. task log and usage page: ${count(plan.tasks)} tasks over ${DAYS} days in one account (${MODELS} models, 2 keys and the playground), ` +
      `${count(plan.otherTasks)} in ${plan.otherAccounts} others; seeded and analysed in ${fixed(seedSec)} s`,
  );
  await benchListTaskLog(seeded, plan);
  await benchUsagePage(seeded, plan);
}
