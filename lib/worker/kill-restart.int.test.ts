import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findDrift } from "@/lib/billing";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { startSimulator, type Simulator } from "@/lib/simulator";
import { createTask } from "@/lib/tasks";
import { findHoldDrift, findSlotDrift } from "@/lib/tasks/reconcile";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";

// RELIABILITY.md §1: kill -9 the worker mid-task at random points, restart it, repeat; every task
// must end with exactly one capture or one release, and the ledger must reconcile.
const database = withScratchDatabase("killrestart");
let simulator: Simulator;
let dataDir: string;

const TASKS = 40;
const KILLS = 6;

beforeAll(async () => {
  // Room for all 40 at BFL: past its cap of 24 jobs they would spill to fal, another path.
  simulator = await startSimulator({ speed: 10, maxActivePerCredential: 1000 });
  dataDir = await mkdtemp(path.join(tmpdir(), "lumigate-kill-"));
});
afterAll(async () => {
  await simulator?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: childEnv({
      DATABASE_URL: database.url(),
      SIMULATOR_URL: simulator.url,
      UPSTREAM_WEBHOOK_URL: "none",
      NEXTAUTH_SECRET: "kill-restart-test-secret-0123456789abcdef",
      DATA_DIR: dataDir,
      WORKER_CONCURRENCY: "4",
      NODE_ENV: "production",
    }),
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** What a stuck task and its queue jobs look like, for the failure message. */
async function diagnose(taskIds: string[]): Promise<string> {
  const stuck = await db.task.findMany({
    where: { id: { in: taskIds }, state: { notIn: ["success", "fail"] } },
    select: { id: true, state: true, polls: true, attempts: true, submittedAt: true, upstream: true },
  });
  const jobs = await db.$queryRaw<unknown[]>`
    SELECT j.key, t.identifier, j.payload, j.attempts, j.max_attempts, j.locked_by, j.locked_at, j.run_at, j.last_error
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'taskId' = ANY(${stuck.map((t) => t.id)}::text[])`;
  return JSON.stringify({ stuck, jobs }, (_, v) => (typeof v === "bigint" ? String(v) : v));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it(
  `${TASKS} tasks, the worker SIGKILLed ${KILLS} times at random points: each ends with one capture or one release`,
  async () => {
    const accountId = await newAccount(10 * USD, { maxInFlightTasks: 1000 });
    const { keyId } = await newKey(accountId);
    const key = { keyId, accountId, mode: "live" as const };
    const taskIds: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      // A mix of outcomes, and slow jobs so that kills land while jobs are in flight upstream.
      // poll-500 fails every other request to the upstream; aimed at BFL, whose poll is one request.
      const fault = ["", "", " [sim:fail]", " [sim:slow=1500]", " [sim:poll-500@bfl]"][i % 5];
      const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt: `task ${i}${fault}` }, surface: "task_api" });
      taskIds.push(taskId);
    }

    let worker = await startWorkerProcess();
    for (let kill = 0; kill < KILLS; kill++) {
      await pause(150 + Math.random() * 700);
      await killHard(worker);
      worker = await startWorkerProcess();
    }
    const lastKill = Date.now();

    const unfinished = () => db.task.count({ where: { id: { in: taskIds }, state: { notIn: ["success", "fail"] } } });
    while ((await unfinished()) > 0) {
      if (Date.now() - lastKill > 90_000) throw new Error(`tasks still unfinished 90 s after the last kill: ${await diagnose(taskIds)}`);
      await pause(250);
    }
    const recoveredMs = Date.now() - lastKill;
    worker.kill("SIGTERM");

    const tasks = await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, state: true } });
    const entries = await db.ledgerEntry.groupBy({ by: ["taskId", "kind"], where: { taskId: { in: taskIds } }, _count: true });
    for (const task of tasks) {
      const settle = entries.filter((e) => e.taskId === task.id && (e.kind === "capture" || e.kind === "release"));
      expect(settle, task.id).toEqual([{ taskId: task.id, kind: task.state === "success" ? "capture" : "release", _count: 1 }]);
    }
    expect((await findDrift([accountId])).drift).toEqual([]);
    expect(await findHoldDrift([accountId])).toEqual([]);
    expect(await findSlotDrift([accountId])).toEqual([]);
    const succeeded = tasks.filter((t) => t.state === "success").length;
    expect(succeeded).toBeGreaterThan(0);
    console.log(`kill-restart: ${TASKS} tasks, ${KILLS} kills, ${succeeded} succeeded, ${TASKS - succeeded} failed, all settled ${(recoveredMs / 1000).toFixed(1)} s after the last kill`);
  },
  180_000,
);
