import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { addJob, jobNames } from "@/lib/tasks/queue";
import { deliverCallback, nextAttemptDelayMs, signCallback } from "@/lib/webhooks";
import { signingSecrets } from "@/lib/webhooks/account-secrets";

const finalStates = { delivered: "delivered", gone: "gone", blocked: "blocked", invalid_url: "blocked" } as const;

/**
 * One attempt of a task's callback. Every attempt is stored; the delivery moves on with a
 * conditional update on its attempt count, so a job that runs twice cannot record an attempt twice.
 */
export async function deliverCallbackAttempt(deliveryId: string): Promise<void> {
  const delivery = await db.callbackDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.state !== "pending") return;
  const secrets = await signingSecrets(delivery.accountId);
  const headers = signCallback({ secrets, msgId: `msg_${delivery.id}`, timestamp: new Date(), body: delivery.payload });
  const outcome = await deliverCallback({
    url: delivery.url,
    body: delivery.payload,
    headers,
    allowLoopback: env.CALLBACKS_ALLOW_LOOPBACK,
  });
  const attempt = delivery.attemptCount + 1;
  const delayMs = outcome.result === "retry" ? nextAttemptDelayMs(attempt, outcome.retryAfterSec) : null;
  const state = outcome.result === "retry" ? (delayMs === null ? "failed" : "pending") : finalStates[outcome.result];
  const nextAttemptAt = delayMs === null ? null : new Date(Date.now() + delayMs);

  await db.$transaction(async (tx) => {
    const moved = await tx.callbackDelivery.updateMany({
      where: { id: delivery.id, attemptCount: delivery.attemptCount, state: "pending" },
      data: { attemptCount: attempt, state, nextAttemptAt },
    });
    if (moved.count === 0) return;
    await tx.callbackAttempt.create({
      data: {
        id: newId("cba"),
        deliveryId: delivery.id,
        attempt,
        result: outcome.result,
        statusCode: outcome.statusCode ?? null,
        latencyMs: Math.round(outcome.latencyMs),
        error: outcome.error ?? null,
      },
    });
    if (nextAttemptAt) await addJob(tx, jobNames.callback, { deliveryId }, { runAt: nextAttemptAt, jobKey: `callback:${deliveryId}` });
  });
}
