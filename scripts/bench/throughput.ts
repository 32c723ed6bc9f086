// Sections 3 and 4: what one worker process gets through, and whether memory stays flat as tasks go by.
import { db } from "@/lib/db";
import { treeCpuMs, treeRssMib } from "./machine";
import { count, fixed, section, table, verdict } from "./report";

type RunRow = {
  succeeded: number;
  failed: number;
  firstCreated: Date;
  lastFinished: Date;
  p10: number;
  p90: number;
  turnaroundP50: number;
  turnaroundP95: number;
};

/** Rates from the tasks' own timestamps, so the benchmark's polling adds no error to them. */
async function summarize(ids: string[]) {
  const [row] = await db.$queryRaw<RunRow[]>`
    SELECT count(*) FILTER (WHERE state = 'success')::int AS succeeded,
           count(*) FILTER (WHERE state = 'fail')::int AS failed,
           min("createdAt") AS "firstCreated", max("finishedAt") AS "lastFinished",
           percentile_cont(0.1) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt"))::float8 AS p10,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt"))::float8 AS p90,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "createdAt"))::float8 AS "turnaroundP50",
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "createdAt"))::float8 AS "turnaroundP95"
    FROM "Task" WHERE id = ANY(${ids}::text[])`;
  const failCodes = await db.$queryRaw<{ failCode: string | null; n: number }[]>`
    SELECT "failCode", count(*)::int AS n FROM "Task" WHERE id = ANY(${ids}::text[]) AND state = 'fail' GROUP BY 1 ORDER BY 2 DESC`;
  return { row: row!, failCodes };
}

export type ThroughputSetup = { tasks: number; window: number; speed: number; concurrency: number | null };

export type CpuPids = { web: number; worker: number; postgres: number | null };
/** CPU ms spent so far by this process (load generator and in-process simulator) and each service. */
export type CpuSample = Record<"bench" | keyof CpuPids, number>;

export function sampleCpu(pids: CpuPids): CpuSample {
  const own = process.cpuUsage();
  return {
    bench: (own.user + own.system) / 1000,
    web: treeCpuMs(pids.web),
    worker: treeCpuMs(pids.worker),
    postgres: pids.postgres === null ? Number.NaN : treeCpuMs(pids.postgres),
  };
}

export async function reportThroughput(ids: string[], setup: ThroughputSetup, cpu: [CpuSample, CpuSample]): Promise<void> {
  const { row, failCodes } = await summarize(ids);
  const perTask = (name: keyof CpuSample) => (cpu[1][name] - cpu[0][name]) / ids.length;
  const spanSec = (row.lastFinished.getTime() - row.firstCreated.getTime()) / 1000;
  const steady = (0.8 * ids.length) / (row.p90 - row.p10);
  section(
    `3. Worker throughput: ${count(setup.tasks)} test tasks through one worker process (concurrency ${setup.concurrency ?? "?"}, its default), ` +
      `simulator at speed ${setup.speed}, up to ${setup.window} tasks in flight`,
  );
  const failures = failCodes.map((f) => `${f.n} ${f.failCode ?? "?"}`).join(", ");
  console.log(
    table(
      ["measure", "value"],
      [
        ["tasks succeeded / failed", `${count(row.succeeded)} / ${count(row.failed)}${failures ? ` (${failures})` : ""}`],
        ["tasks/s, first createTask to last finish", fixed(ids.length / spanSec)],
        ["tasks/s, steady (10th to 90th percentile finish)", fixed(steady)],
        ["createTask to finished, p50 / p95 ms", `${fixed(row.turnaroundP50 * 1000, 0)} / ${fixed(row.turnaroundP95 * 1000, 0)}`],
        ["CPU ms per task: worker", fixed(perTask("worker"))],
        ["CPU ms per task: web (createTask, upstream webhooks)", fixed(perTask("web"))],
        ["CPU ms per task: postgres", fixed(perTask("postgres"))],
        ["CPU ms per task: this process (simulator, client)", fixed(perTask("bench"))],
        ["tasks/s the worker's own CPU would allow on one core", fixed(1000 / perTask("worker"), 0)],
      ],
    ),
  );
}

export type MemorySample = { web: number; worker: number };

export function sampleMemory(webPid: number, workerPid: number): MemorySample {
  return { web: treeRssMib(webPid), worker: treeRssMib(workerPid) };
}

const GROWTH_TARGET = 0.1;

export function reportMemory(checkpoints: [number, number], first: MemorySample, second: MemorySample): void {
  section(`4. Memory: VmRSS of each process (and its children) after ${count(checkpoints[0])} and ${count(checkpoints[1])} completed tasks`);
  const rows = (["web", "worker"] as const).map((name) => {
    const growth = (second[name] - first[name]) / first[name];
    return [
      name,
      fixed(first[name]),
      fixed(second[name]),
      `${growth >= 0 ? "+" : ""}${fixed(growth * 100)} %`,
      `within ${GROWTH_TARGET * 100} %: ${verdict(growth <= GROWTH_TARGET)}`,
    ];
  });
  console.log(table(["process", `MiB @ ${count(checkpoints[0])}`, `MiB @ ${count(checkpoints[1])}`, "growth", "target"], rows));
}
