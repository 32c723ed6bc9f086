// Section 1: createTask's latency and throughput at fixed concurrency, beside a bare Next.js route
// on the same server. No worker runs meanwhile, so tasks only queue.
import type { BenchAccount } from "./accounts";
import { openClient } from "./client";
import { ascending, count, fixed, percentile, section, table, verdict } from "./report";

export type CreateTaskPlan = { concurrencies: number[]; requests: number; warmup: number };

type Target = "bare" | "live" | "test";
type Cell = { target: Target; concurrency: number; p50: number; p99: number; perSec: number; errors: number };

const labels: Record<Target, string> = {
  bare: "GET /api/ping (bare)",
  live: "createTask, live key",
  test: "createTask, test key",
};
const ADDED_P50_TARGET_MS = 2;
const THROUGHPUT_TARGET = 1_000;

/** `total` calls of `send` from `concurrency` loops; latency of each in ms and the wall time of all. */
async function drive(send: (i: number) => Promise<boolean>, concurrency: number, total: number) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const sent = performance.now();
        const ok = await send(i).catch(() => false);
        latencies[i] = performance.now() - sent;
        if (!ok) errors++;
      }
    }),
  );
  return { latencies: ascending(latencies), elapsedMs: performance.now() - started, errors };
}

async function measureCell(origin: string, account: BenchAccount, target: Target, concurrency: number, plan: CreateTaskPlan): Promise<Cell> {
  const client = openClient(origin, concurrency);
  const key = target === "live" ? account.liveKey : account.testKey;
  const send = (i: number) =>
    target === "bare" ? client.ping() : client.createTask(key, `bench createTask c${concurrency} #${i}`).then((r) => r.taskId !== null);
  try {
    await drive(send, concurrency, plan.warmup);
    const run = await drive(send, concurrency, plan.requests);
    return {
      target,
      concurrency,
      p50: percentile(run.latencies, 0.5),
      p99: percentile(run.latencies, 0.99),
      perSec: (plan.requests / run.elapsedMs) * 1000,
      errors: run.errors,
    };
  } finally {
    await client.close();
  }
}

export async function benchCreateTask(origin: string, account: BenchAccount, plan: CreateTaskPlan): Promise<void> {
  const cells: Cell[] = [];
  for (const concurrency of plan.concurrencies) {
    for (const target of ["bare", "live", "test"] as const) cells.push(await measureCell(origin, account, target, concurrency, plan));
  }
  const cell = (target: Target, concurrency: number) => cells.find((c) => c.target === target && c.concurrency === concurrency)!;

  section(`1. createTask: ${count(plan.requests)} requests per cell after ${count(plan.warmup)} warm-up, keep-alive, one connection per concurrent client`);
  const rows = cells.map((c) => {
    const bare = cell("bare", c.concurrency);
    const vsBare = c.target === "bare" ? ["", ""] : [`${fixed(c.p50 / bare.p50)}x`, `${fixed(c.perSec / bare.perSec, 2)}x`];
    return [labels[c.target], String(c.concurrency), fixed(c.p50, 2), fixed(c.p99, 2), count(c.perSec), ...vsBare, String(c.errors)];
  });
  console.log(table(["route", "c", "p50 ms", "p99 ms", "req/s", "p50 / bare", "req/s / bare", "errors"], rows));

  const lowest = Math.min(...plan.concurrencies);
  const highest = Math.max(...plan.concurrencies);
  console.log("");
  for (const target of ["live", "test"] as const) {
    const added = cell(target, lowest).p50 - cell("bare", lowest).p50;
    const perSec = cell(target, highest).perSec;
    console.log(
      `${labels[target]}: added latency p50 at c=${lowest} = ${fixed(added, 2)} ms (target <= ${ADDED_P50_TARGET_MS} ms: ${verdict(added <= ADDED_P50_TARGET_MS)}); ` +
        `${count(perSec)} createTask/s at c=${highest} (target >= ${count(THROUGHPUT_TARGET)}/s: ${verdict(perSec >= THROUGHPUT_TARGET)})`,
    );
  }
}
