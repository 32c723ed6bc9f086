// Section 2: how long after the simulator finishes a job recordInfo first says `success`. Each task
// runs a random 1.5-3.5 s upstream job (`[sim:slow=ms]`, wall-clock whatever the speed), so the
// worker's poll cadence meets jobs at every phase, as real ones would.
import { setTimeout as sleep } from "node:timers/promises";
import type { FinishedJob } from "@/lib/simulator";
import type { BenchAccount } from "./accounts";
import { openClient } from "./client";
import { ascending, count, fixed, percentile, section, table, verdict } from "./report";

export type CompletionPlan = { tasks: number; parallel: number; pollEveryMs: number; minJobMs: number; maxJobMs: number };
export type CompletionResult = { latencies: number[]; failures: string[] };
export type FinishFeed = (listener: (job: FinishedJob) => void) => () => void;

/** Recordinfo polling gives up this long after the upstream finished. */
const GIVE_UP_MS = 20_000;

/** mulberry32: the same job durations in every mode and every run. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, sleep(ms, null)]);
}

export async function measureCompletion(origin: string, key: string, feed: FinishFeed, mode: string, plan: CompletionPlan): Promise<CompletionResult> {
  // Polling starts once the simulator has finished: success cannot come earlier, and 5 ms polls of
  // every task in flight from its creation would load the server the figures are about.
  const client = openClient(origin, plan.parallel);
  const finishing = new Map<string, (at: number) => void>();
  const unlisten = feed((job) => finishing.get(job.prompt)?.(performance.now()));
  const random = seededRandom(20_261_201);
  const durations = Array.from({ length: plan.tasks }, () => Math.round(plan.minJobMs + random() * (plan.maxJobMs - plan.minJobMs)));
  const latencies: number[] = [];
  const failures: string[] = [];

  async function one(i: number): Promise<void> {
    const label = `bench completion ${mode} #${i}`;
    const finished = new Promise<number>((resolve) => finishing.set(label, resolve));
    try {
      const created = await client.createTask(key, `${label} [sim:slow=${durations[i]}]`);
      if (!created.taskId) return void failures.push(`createTask answered ${created.status}`);
      const finishedAt = await within(finished, durations[i]! + GIVE_UP_MS);
      if (finishedAt === null) return void failures.push("the simulator never finished the job");
      for (;;) {
        const sent = performance.now();
        const info = await client.recordInfo(key, created.taskId);
        const answered = performance.now();
        if (info.state === "success") return void latencies.push(answered - finishedAt);
        if (info.state === "fail") return void failures.push("the task failed");
        if (answered - finishedAt > GIVE_UP_MS) return void failures.push(`still ${info.state} ${GIVE_UP_MS / 1000} s after the upstream finished`);
        await sleep(Math.max(0, plan.pollEveryMs - (answered - sent)));
      }
    } finally {
      finishing.delete(label);
    }
  }

  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: plan.parallel }, async () => {
        for (let i = next++; i < plan.tasks; i = next++) await one(i);
      }),
    );
  } finally {
    unlisten();
    await client.close();
  }
  return { latencies: ascending(latencies), failures };
}

export type CompletionMode = "webhooks" | "polling only";
export type CompletionRun = { mode: CompletionMode; key: "test" | "live"; targetP95Ms: number; result: CompletionResult };

const targetsP95Ms: Record<CompletionMode, number> = { webhooks: 100, "polling only": 1_000 };

/**
 * One mode's runs: a round of short warm-up tasks (the processes' lazy paths), then test keys
 * (no money moves) and live keys (a hold and its capture, on the same account as every other task).
 */
export async function completionRuns(origin: string, account: BenchAccount, feed: FinishFeed, mode: CompletionMode, plan: CompletionPlan): Promise<CompletionRun[]> {
  const warmup = { ...plan, tasks: plan.parallel, minJobMs: 300, maxJobMs: 600 };
  const warm = await measureCompletion(origin, account.testKey, feed, `${mode} warm-up`, warmup);
  if (warm.failures.length > 0) console.log(`[bench] ${mode} warm-up: ${warm.failures.length} of ${warmup.tasks} failed (${warm.failures[0]})`);
  const runs: CompletionRun[] = [];
  for (const key of ["test", "live"] as const) {
    const result = await measureCompletion(origin, key === "test" ? account.testKey : account.liveKey, feed, `${mode} ${key}`, plan);
    runs.push({ mode, key, targetP95Ms: targetsP95Ms[mode], result });
  }
  return runs;
}

export function reportCompletion(plan: CompletionPlan, runs: CompletionRun[]): void {
  section(
    `2. Completion latency: simulator finished a job -> recordInfo first says success (${plan.tasks} tasks per row after ` +
      `${plan.parallel} warm-up, ${plan.parallel} at a time, upstream jobs of ${plan.minJobMs / 1000}-${plan.maxJobMs / 1000} s, ` +
      `recordInfo every ${plan.pollEveryMs} ms once the job finished; the simulator draws one picture per size, as the upstream's rendering is not our CPU)`,
  );
  const rows = runs.map(({ mode, key, targetP95Ms, result }) => {
    const p95 = percentile(result.latencies, 0.95);
    return [
      mode,
      key,
      String(result.latencies.length + result.failures.length),
      fixed(percentile(result.latencies, 0.5)),
      fixed(p95),
      fixed(result.latencies.at(-1) ?? Number.NaN),
      String(result.failures.length),
      `p95 <= ${count(targetP95Ms)} ms: ${verdict(result.failures.length === 0 && p95 <= targetP95Ms)}`,
    ];
  });
  console.log(table(["upstream reports by", "key", "tasks", "p50 ms", "p95 ms", "max ms", "failed", "target"], rows));
  for (const { mode, key, result } of runs) {
    const reasons = new Map<string, number>();
    for (const failure of result.failures) reasons.set(failure, (reasons.get(failure) ?? 0) + 1);
    for (const [reason, n] of reasons) console.log(`${mode}, ${key} key: ${n} x ${reason}`);
  }
}
