import "server-only";
import { db } from "@/lib/db";
import { deleteExpiredIdempotencyKeys } from "@/lib/idempotency";
import { MEDIA_ID_PATTERN } from "@/lib/media/keys";
import { mediaStorage } from "@/lib/media/configured";
import { discardCopies } from "@/lib/tasks/copy-results";

const MEDIA_BATCH = 500;
/**
 * A copy is recorded (finishTask) seconds after it is written, and a retried copy writes new keys:
 * a file this old without its row was left by a worker that died in between.
 */
const ORPHAN_GRACE_MS = 24 * 3_600_000;

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

/** The media id a key belongs to (`ab/cd/med_....png`, `....thumb.webp`); null for a name that is not ours. */
function mediaIdOf(key: string): string | null {
  const id = key.slice(key.lastIndexOf("/") + 1).split(".")[0] ?? "";
  return MEDIA_ID_PATTERN.test(id) ? id : null;
}

/** Deletes stored files older than the grace period that neither a media row nor a pinned example names. */
export async function sweepOrphanMedia(now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<number> {
  const storage = mediaStorage();
  const cutoff = now.getTime() - graceMs;
  let batch: { key: string; id: string }[] = [];
  let removed = 0;
  const flush = async () => {
    const ids = [...new Set(batch.map((b) => b.id))];
    // A variant's pinned example (lib/catalog/examples.ts) is a copy with no media row of its own.
    const [known, examples] = await Promise.all([
      db.media.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      db.variantExample.findMany({ where: { mediaId: { in: ids } }, select: { mediaId: true } }),
    ]);
    const kept = new Set([...known.map((m) => m.id), ...examples.map((e) => e.mediaId)]);
    for (const { key, id } of batch) {
      if (kept.has(id)) continue;
      await storage.delete(key);
      removed++;
    }
    batch = [];
  };
  for await (const { key, modifiedAt } of storage.list()) {
    const id = mediaIdOf(key);
    if (!id || modifiedAt.getTime() > cutoff) continue;
    batch.push({ key, id });
    if (batch.length >= MEDIA_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return removed;
}

/** The hourly sweep (and one at every worker start). */
export async function housekeeping(): Promise<void> {
  const media = await expireMedia();
  const orphans = await sweepOrphanMedia();
  const keys = await deleteExpiredIdempotencyKeys();
  const { count: heartbeats } = await db.workerHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - 3_600_000) } } });
  if (media || orphans || keys || heartbeats) {
    console.log(`housekeeping: ${media} expired images, ${orphans} orphaned files, ${keys} idempotency keys, ${heartbeats} old heartbeats removed`);
  }
}
