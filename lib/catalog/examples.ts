import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { extensionFor, newMediaId, storageKeyFor, thumbnailKeyFor, type MediaContentType } from "@/lib/media";
import { mediaStorage } from "@/lib/media/configured";
import { MEDIA_ID_PATTERN } from "@/lib/media/keys";
import { readAll } from "@/lib/media/thumbnails";

/** A variant's pinned example: a copy of a delivered image, served under /media like any result. */
export type ExampleImage = {
  variantSlug: string;
  mediaId: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  prompt: string;
  pinnedAt: Date;
};

type ExampleRow = {
  variantSlug: string;
  mediaId: string;
  storageKey: string;
  width: number;
  height: number;
  prompt: string;
  pinnedAt: Date;
};

const MAX_PROMPT_CHARS = 1000;

function toExampleImage(row: ExampleRow): ExampleImage {
  const ext = row.storageKey.slice(row.storageKey.lastIndexOf(".") + 1);
  return {
    variantSlug: row.variantSlug,
    mediaId: row.mediaId,
    url: `/media/${row.mediaId}.${ext}`,
    thumbnailUrl: `/media/${row.mediaId}.thumb.webp`,
    width: row.width,
    height: row.height,
    prompt: row.prompt,
    pinnedAt: row.pinnedAt,
  };
}

/** The pinned examples of these variants, keyed by slug: one query for everything a page shows. */
export async function variantExamples(slugs: readonly string[]): Promise<Map<string, ExampleImage>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.variantExample.findMany({ where: { variantSlug: { in: [...new Set(slugs)] } } });
  return new Map(rows.map((row) => [row.variantSlug, toExampleImage(row)]));
}

// Pinning changes what every visitor sees on a public page, so only admins may.
function assertAdmin(user: SessionUser): void {
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin can pin or unpin example images.");
}

export const pinExampleInput = z.object({
  mediaId: z.string().regex(MEDIA_ID_PATTERN, "not a media id"),
  variantSlug: z.string().min(1).max(200).optional(),
});

const variantSlugInput = z.string().min(1).max(200);

async function deleteFiles(keys: string[]): Promise<void> {
  const storage = mediaStorage();
  // A file left behind is removed by housekeeping's orphan sweep, so a failed delete is not an error.
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => {})));
}

/** Takes the variant's row lock so that two pins of one variant cannot both see the same old copy. */
async function lockVariant(tx: Pick<typeof db, "$queryRaw">, variantSlug: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Variant" WHERE slug = ${variantSlug} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * Pins a delivered image (a Media row of a successful task, from any account) as a variant's
 * example, by default the variant that made it. The file is copied under a new media id, so the
 * example outlives the task's retention and the account deleting its media. An earlier pin's copy
 * is deleted once the row no longer names it.
 */
export async function pinExample(
  admin: SessionUser,
  input: z.input<typeof pinExampleInput>,
): Promise<{ example: ExampleImage; replaced: boolean }> {
  assertAdmin(admin);
  const { mediaId, variantSlug: askedSlug } = pinExampleInput.parse(input);
  const media = await db.media.findUnique({
    where: { id: mediaId },
    include: { task: { select: { id: true, state: true, variantSlug: true, input: true } } },
  });
  if (!media || media.expiresAt <= new Date() || media.task.state !== "success") {
    throw new AppError("not_found", "No delivered image with this id: it may have expired.", { param: "mediaId" });
  }
  const variantSlug = askedSlug ?? media.task.variantSlug;
  const variant = await db.variant.findUnique({ where: { slug: variantSlug }, select: { slug: true } });
  if (!variant) throw new AppError("not_found", `No model ${variantSlug} in the catalog.`, { param: "variantSlug" });

  const storage = mediaStorage();
  const original = await storage.get(media.storageKey);
  if (!original) throw new AppError("not_found", "The image's file is no longer stored.", { param: "mediaId" });
  const contentType = media.contentType as MediaContentType;
  const copyId = newMediaId();
  const copy = { storageKey: storageKeyFor(copyId, extensionFor(contentType)), thumbKey: thumbnailKeyFor(copyId) };
  // The copy's thumbnail is made when first asked for, as a task's is.
  await storage.put(copy.storageKey, await readAll(original), contentType);

  const prompt = (media.task.input as { prompt?: unknown } | null)?.prompt;
  const data = {
    mediaId: copyId,
    ...copy,
    contentType,
    width: media.width,
    height: media.height,
    sourceTaskId: media.task.id,
    prompt: typeof prompt === "string" ? prompt.slice(0, MAX_PROMPT_CHARS) : "",
    pinnedByUserId: admin.id,
    pinnedAt: new Date(),
  };
  let previous: { storageKey: string; thumbKey: string } | null;
  let row: ExampleRow;
  try {
    ({ previous, row } = await db.$transaction(async (tx) => {
      if (!(await lockVariant(tx, variantSlug))) throw new AppError("not_found", `No model ${variantSlug} in the catalog.`);
      const old = await tx.variantExample.findUnique({ where: { variantSlug }, select: { storageKey: true, thumbKey: true } });
      const saved = await tx.variantExample.upsert({ where: { variantSlug }, create: { variantSlug, ...data }, update: data });
      return { previous: old, row: saved };
    }));
  } catch (error) {
    await deleteFiles([copy.storageKey, copy.thumbKey]);
    throw error;
  }
  if (previous) await deleteFiles([previous.storageKey, previous.thumbKey]);
  return { example: toExampleImage(row), replaced: previous !== null };
}

/** Removes a variant's example and then its copy's files; false when it had none. */
export async function unpinExample(admin: SessionUser, variantSlug: string): Promise<boolean> {
  assertAdmin(admin);
  const slug = variantSlugInput.parse(variantSlug);
  const removed = await db.$transaction(async (tx) => {
    await lockVariant(tx, slug);
    const old = await tx.variantExample.findUnique({ where: { variantSlug: slug }, select: { storageKey: true, thumbKey: true } });
    if (old) await tx.variantExample.delete({ where: { variantSlug: slug } });
    return old;
  });
  if (!removed) return false;
  await deleteFiles([removed.storageKey, removed.thumbKey]);
  return true;
}

