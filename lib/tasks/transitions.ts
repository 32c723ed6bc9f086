import "server-only";
import { captureHold, releaseHold } from "@/lib/billing";
import { chargedMicros } from "@/lib/byok";
import { db, type Prisma } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { queueLowBalanceJob } from "@/lib/payments";
import { newId } from "@/lib/ids";
import type { UpstreamRef } from "@/lib/providers/types";
import { releaseTaskSlot } from "@/lib/ratelimit";
import { toPrediction } from "@/lib/replicate/prediction";
import { addJob, jobNames } from "./queue";
import { toRecordInfo } from "./view";

type Tx = Prisma.TransactionClient;

// Every state change is one conditional UPDATE whose row count decides the winner (STYLE.md §1):
// the poller, an upstream webhook, a duplicate of it and a cancel may all race; one transition wins
// and only the winner touches money.

export type FailCode = "generation_failed" | "moderated" | "upstream_error" | "timeout" | "canceled" | "rejected" | "credential_refused";

export type MediaRecord = {
  id: string;
  position: number;
  storageKey: string;
  thumbKey: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  expiresAt: Date;
};

export type Finish = { kind: "success"; media: MediaRecord[] } | { kind: "fail"; code: FailCode; message: string };

/** waiting -> queuing once an upstream accepted the job. False when the task moved on (cancelled). */
export async function markSubmitted(
  taskId: string,
  s: { providerSlug: string; upstreamModel: string; simulated: boolean; ref: UpstreamRef; costMicros?: number; byokUsed?: boolean },
): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "Task" SET "state" = 'queuing', "providerSlug" = ${s.providerSlug}, "upstreamModel" = ${s.upstreamModel},
      "simulated" = ${s.simulated}, "byokUsed" = ${s.byokUsed ?? false}, "upstream" = ${JSON.stringify(s.ref)}::jsonb,
      "upstreamCostMicros" = ${s.costMicros ?? null}::bigint, "submittedAt" = now(), "updatedAt" = now()
    WHERE "id" = ${taskId} AND "state" = 'waiting'`;
  return updated === 1;
}

/** Progress while in flight: queuing -> generating when the upstream starts, never backwards. */
export async function markInFlight(
  taskId: string,
  s: { running: boolean; progress?: number; queuePosition?: number },
): Promise<boolean> {
  const progress = s.progress === undefined ? null : Math.max(0, Math.min(99, Math.round(s.progress)));
  const updated = await db.$executeRaw`
    UPDATE "Task" SET
      "state" = CASE WHEN ${s.running} THEN 'generating'::"TaskState" ELSE "state" END,
      "startedAt" = CASE WHEN ${s.running} THEN COALESCE("startedAt", now()) ELSE "startedAt" END,
      "progress" = GREATEST(COALESCE("progress", 0), COALESCE(${progress}::int, 0)),
      "queuePosition" = ${s.running ? null : (s.queuePosition ?? null)}::int,
      "polls" = "polls" + 1, "updatedAt" = now()
    WHERE "id" = ${taskId} AND "state" IN ('queuing', 'generating')`;
  return updated === 1;
}

export async function recordAttempt(
  taskId: string,
  a: { providerSlug: string; simulated: boolean; outcome: string; message?: string; upstreamId?: string; latencyMs: number },
): Promise<void> {
  await db.$transaction([
    db.taskAttempt.create({
      data: {
        id: newId("att"),
        taskId,
        providerSlug: a.providerSlug,
        simulated: a.simulated,
        outcome: a.outcome,
        message: a.message?.slice(0, 500) ?? null,
        upstreamId: a.upstreamId ?? null,
        latencyMs: Math.round(a.latencyMs),
      },
    }),
    db.task.update({ where: { id: taskId }, data: { attempts: { increment: 1 } } }),
  ]);
}

type Finished = { accountId: string; priceMicros: bigint; byokFeeMicros: bigint | null; byokUsed: boolean; callbackUrl: string | null };

async function enqueueCallback(tx: Tx, taskId: string, accountId: string, url: string): Promise<void> {
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: { media: true } });
  // Each surface's receivers parse its own shape: Replicate's webhooks carry the prediction object.
  const body =
    task.surface === "replicate"
      ? toPrediction(task, publicUrl)
      : {
          code: task.state === "success" ? 200 : 501,
          msg: task.state === "success" ? "success" : task.failMsg || "generation failed",
          data: toRecordInfo(task, publicUrl),
        };
  const deliveryId = newId("cb");
  await tx.callbackDelivery.create({
    data: { id: deliveryId, taskId, accountId, url, payload: JSON.stringify(body), nextAttemptAt: new Date() },
  });
  await addJob(tx, jobNames.callback, { deliveryId }, { jobKey: `callback:${deliveryId}` });
}

/**
 * Ends a task in one transaction: the state, the capture (success) or release (failure) of its hold,
 * its in-flight slot, its media rows and its callback. False, with nothing written, when another
 * caller already ended it.
 */
export async function finishTask(taskId: string, finish: Finish): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const state = finish.kind === "success" ? "success" : "fail";
    const failCode = finish.kind === "fail" ? finish.code : null;
    const failMsg = finish.kind === "fail" ? finish.message.slice(0, 1000) : null;
    const [task] = await tx.$queryRaw<Finished[]>`
      UPDATE "Task" SET "state" = ${state}::"TaskState", "failCode" = ${failCode}, "failMsg" = ${failMsg},
        "progress" = CASE WHEN ${state} = 'success' THEN 100 ELSE "progress" END,
        "queuePosition" = NULL, "finishedAt" = now(), "updatedAt" = now()
      WHERE "id" = ${taskId} AND "state" IN ('waiting', 'queuing', 'generating')
      RETURNING "accountId", "priceMicros", "byokFeeMicros", "byokUsed", "callbackUrl"`;
    if (!task) return false;
    // Rows are locked in the order lumigate_create_task takes them (Account, then Wallet and the
    // spend windows), so a task finishing while another of the same account is created cannot
    // deadlock with it.
    await releaseTaskSlot(task.accountId, tx);

    if (finish.kind === "success") {
      await tx.media.createMany({ data: finish.media.map((m) => ({ ...m, taskId, accountId: task.accountId })) });
    }
    if (task.priceMicros > 0n) {
      const settled =
        finish.kind === "success"
          ? await captureHold(tx, taskId, Number(chargedMicros(task)))
          : await releaseHold(tx, taskId);
      // The state transition above is the guard; a hold already settled means the ledger and the
      // task disagree, and nothing may commit on top of that.
      if (!settled) throw new Error(`The hold of ${taskId} was already settled while the task was in flight.`);
      if (finish.kind === "success") await queueLowBalanceJob(tx, task.accountId);
    }
    if (task.callbackUrl) await enqueueCallback(tx, taskId, task.accountId, task.callbackUrl);
    return true;
  });
}
