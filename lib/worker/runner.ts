import "server-only";
import { EventEmitter } from "node:events";
import { Logger, makeWorkerUtils, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { z } from "zod";
import { env } from "@/lib/env";
import { handleLowBalance } from "@/lib/payments";
import { recomputeVariantStats, recomputeVariantStatsIfEmpty } from "@/lib/stats";
import { jobNames } from "@/lib/tasks/queue";
import { deliverCallbackAttempt } from "./callback";
import { housekeeping } from "./housekeeping";
import { beat, forget, HEARTBEAT_EVERY_MS, unlockDeadWorkers } from "./liveness";
import { pollPayload, pollTask } from "./poll";
import { submitTask } from "./submit";

const submitPayload = z.object({ taskId: z.string(), round: z.number().int().nonnegative().optional() });
const callbackPayload = z.object({ deliveryId: z.string() });
const lowBalancePayload = z.object({ accountId: z.string() });

const taskList: TaskList = {
  [jobNames.submit]: async (payload, helpers) => {
    const { taskId, round } = submitPayload.parse(payload);
    await submitTask(taskId, round, helpers.abortSignal);
  },
  [jobNames.poll]: async (payload, helpers) => {
    await pollTask(pollPayload.parse(payload), helpers.abortSignal);
  },
  [jobNames.callback]: async (payload) => {
    await deliverCallbackAttempt(callbackPayload.parse(payload).deliveryId);
  },
  [jobNames.lowBalance]: async (payload) => {
    await handleLowBalance(lowBalancePayload.parse(payload).accountId);
  },
  [jobNames.housekeeping]: async () => {
    await housekeeping();
  },
  [jobNames.variantStats]: async () => {
    await recomputeVariantStats();
  },
};

// graphile-worker logs every job at info level; a busy worker would print thousands of lines a second.
const queueLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`queue: ${message}`);
  else if (level === "warning") console.warn(`queue: ${message}`);
});

export type WorkerProcess = { stop(): Promise<void>; done: Promise<void> };

/**
 * Runs the queue in this process: graphile-worker with our jobs, a heartbeat for each of its queue
 * workers, a sweep that unlocks the jobs of dead ones, the hourly housekeeping and the live model
 * figures every 5 minutes. `stop` lets running jobs finish (they honour the abort signal), then
 * frees anything still locked by us.
 */
export async function startWorker(options: { databaseUrl: string; concurrency?: number }): Promise<WorkerProcess> {
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));

  const utils = await makeWorkerUtils({ connectionString: options.databaseUrl, logger: queueLogger });
  await utils.migrate();
  const concurrency = options.concurrency ?? env.WORKER_CONCURRENCY;
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    concurrency,
    // Each running job holds a connection while it talks to the queue; a few spare serve its housekeeping.
    maxPoolSize: concurrency + 2,
    noHandleSignals: true,
    logger: queueLogger,
    // Jobs due later (the next poll of a task, 250 ms to a few seconds out) are found by polling
    // the queue; LISTEN/NOTIFY only announces jobs due now. Idle, this costs a cheap query per
    // queue worker five times a second.
    pollInterval: 200,
    taskList,
    // A failed stats run is not retried: the next one, 5 minutes on, recomputes from scratch anyway.
    crontab: [`0 * * * * ${jobNames.housekeeping}`, `*/5 * * * * ${jobNames.variantStats} ?max=1`].join("\n"),
    events,
  });
  await beat([...workerIds]);

  const sweep = async () => {
    try {
      await beat([...workerIds]);
      const unlocked = await unlockDeadWorkers(utils);
      if (unlocked.length) console.log(`unlocked the jobs of ${unlocked.length} dead worker(s): ${unlocked.join(", ")}`);
    } catch (error) {
      console.error("heartbeat failed", error);
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), HEARTBEAT_EVERY_MS);
  void housekeeping().catch((error: unknown) => console.error("housekeeping failed", error));
  void recomputeVariantStatsIfEmpty().catch((error: unknown) => console.error("variant stats failed", error));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(timer);
      await runner.stop();
      const ids = [...workerIds];
      // graphile-worker can leave an aborted job locked after a graceful stop: free ours now.
      await utils.forceUnlockWorkers(ids);
      await forget(ids);
      await utils.release();
    })());
  return { stop, done: runner.promise };
}
