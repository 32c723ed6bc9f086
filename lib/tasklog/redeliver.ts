import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addJob, jobNames } from "@/lib/tasks/queue";
import { redeliverRefusal } from "./detail";

/**
 * Queues one more delivery of a finished task's callback: the delivery goes back to pending and the
 * worker's callback job (lib/worker/callback.ts) sends the same payload with the same webhook-id, so
 * a receiver that deduplicates sees the message it already has. The conditional update on a
 * non-pending state decides a double click: the second finds the delivery pending and is refused.
 */
export async function redeliverCallback(accountId: string, taskId: string): Promise<{ deliveryId: string }> {
  return db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: taskId, accountId }, select: { state: true, callbackUrl: true } });
    if (!task) throw new AppError("not_found", `No task ${taskId} on this account.`, { param: "taskId" });
    const delivery = await tx.callbackDelivery.findUnique({ where: { taskId }, select: { id: true, state: true } });
    const refusal = redeliverRefusal(task, delivery);
    if (refusal || !delivery) throw new AppError("conflict", refusal ?? "Nothing to redeliver.", { param: "taskId" });
    const moved = await tx.callbackDelivery.updateMany({
      where: { id: delivery.id, state: { not: "pending" } },
      data: { state: "pending", nextAttemptAt: new Date() },
    });
    if (moved.count === 0) throw new AppError("conflict", "A delivery of this callback is already scheduled.", { param: "taskId" });
    await addJob(tx, jobNames.callback, { deliveryId: delivery.id }, { jobKey: `callback:${delivery.id}` });
    return { deliveryId: delivery.id };
  });
}
