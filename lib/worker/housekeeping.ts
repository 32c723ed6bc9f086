import "server-only";
import { db } from "@/lib/db";
import { deleteExpiredIdempotencyKeys } from "@/lib/idempotency";
import { discardCopies } from "@/lib/tasks/copy-results";

const MEDIA_BATCH = 500;

/** Deletes result images past their retention, files first so a failure leaves rows to retry. */
export async function expireMedia(now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await db.media.findMany({
      where: { expiresAt: { lt: now } },
      select: { id: true, storageKey: true, thumbKey: true },
      take: MEDIA_BATCH,
    });
    if (batch.length === 0) return total;
    await discardCopies(batch);
    await db.media.deleteMany({ where: { id: { in: batch.map((m) => m.id) } } });
    total += batch.length;
    if (batch.length < MEDIA_BATCH) return total;
  }
}

/** The hourly sweep (and one at every worker start). */
export async function housekeeping(): Promise<void> {
  const media = await expireMedia();
  const keys = await deleteExpiredIdempotencyKeys();
  const { count: heartbeats } = await db.workerHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - 3_600_000) } } });
  if (media || keys || heartbeats) {
    console.log(`housekeeping: ${media} expired images, ${keys} idempotency keys, ${heartbeats} old heartbeats removed`);
  }
}
