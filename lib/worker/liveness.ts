import "server-only";
import type { WorkerUtils } from "graphile-worker";
import { db } from "@/lib/db";

// graphile-worker frees the jobs of a worker that died only after 4 hours (hard-coded). Each worker
// process writes a heartbeat for its queue workers; any process unlocks the jobs of queue workers
// whose heartbeat stopped, so a killed worker's tasks run again within seconds.

export const HEARTBEAT_EVERY_MS = 5_000;
/** A queue worker not heard from for this long is dead; its jobs are unlocked. */
export const DEAD_AFTER_SEC = 20;

export async function beat(workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("workerId", "seenAt", "startedAt")
    SELECT id, now(), now() FROM unnest(${workerIds}::text[]) AS id
    ON CONFLICT ("workerId") DO UPDATE SET "seenAt" = now()`;
}

/** Unlocks jobs held by queue workers with no recent heartbeat; returns their ids. */
export async function unlockDeadWorkers(utils: WorkerUtils): Promise<string[]> {
  const rows = await db.$queryRaw<{ lockedBy: string }[]>`
    SELECT DISTINCT j.locked_by AS "lockedBy" FROM graphile_worker._private_jobs j
    WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => ${DEAD_AFTER_SEC})
      AND NOT EXISTS (
        SELECT 1 FROM "WorkerHeartbeat" h
        WHERE h."workerId" = j.locked_by AND h."seenAt" > now() - make_interval(secs => ${DEAD_AFTER_SEC}))`;
  const dead = rows.map((r) => r.lockedBy);
  if (dead.length > 0) await utils.forceUnlockWorkers(dead);
  return dead;
}

export async function forget(workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await db.workerHeartbeat.deleteMany({ where: { workerId: { in: workerIds } } });
}
