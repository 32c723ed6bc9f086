import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { mediaStorage } from "@/lib/media/configured";
import { diskStorage } from "@/lib/media/disk-storage";
import { thumbnail } from "@/lib/media/image";
import { newMediaId, storageKeyFor, thumbnailKeyFor } from "@/lib/media/keys";
import { serveMedia } from "@/lib/media/serve";
import type { MediaStorage } from "@/lib/media/storage";
import { newAccount } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { sweepOrphanMedia } from "@/lib/worker/housekeeping";
import { pinExample, unpinExample, variantExamples } from "./examples";

withScratchDatabase("examples");

// A storage of this file's own: the orphan sweep below must not see other files' images.
const globalForMedia = globalThis as unknown as { lumigateMediaStorage?: MediaStorage };
let shared: MediaStorage | undefined;
let root: string;

beforeAll(async () => {
  shared = globalForMedia.lumigateMediaStorage;
  root = await mkdtemp(path.join(tmpdir(), "lumigate-examples-"));
  globalForMedia.lumigateMediaStorage = diskStorage(root);
});

afterAll(async () => {
  globalForMedia.lumigateMediaStorage = shared;
  await rm(root, { recursive: true, force: true });
});

const VARIANT = "flux-2-pro-text-to-image-1k";

function user(role: "user" | "admin", accountId: string): SessionUser {
  return { id: newId("usr"), email: `${role}-${Math.random()}@example.test`, name: null, role, accountId };
}

/** A task of `accountId` in `state` with one stored image of the given colour, as finishTask leaves it. */
async function deliveredImage(accountId: string, red: number, state: "success" | "fail" = "success") {
  const taskId = newId("task");
  await db.task.create({
    data: {
      id: taskId,
      accountId,
      variantSlug: VARIANT,
      modelRequested: VARIANT,
      mode: "live",
      surface: "task_api",
      state,
      input: { prompt: `a red square, ${red}` },
      width: 40,
      height: 30,
      priceMicros: 35_000n,
      simulated: true,
      deadlineAt: new Date(Date.now() + 600_000),
      finishedAt: new Date(),
    },
  });
  const bytes = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 0, b: 0 } } })
      .png()
      .toBuffer(),
  );
  const id = newMediaId();
  const media = { id, storageKey: storageKeyFor(id, "png"), thumbKey: thumbnailKeyFor(id) };
  await mediaStorage().put(media.storageKey, bytes, "image/png");
  await mediaStorage().put(media.thumbKey, await thumbnail(bytes), "image/webp");
  await db.media.create({
    data: {
      ...media,
      taskId,
      accountId,
      position: 0,
      contentType: "image/png",
      width: 40,
      height: 30,
      bytes: bytes.byteLength,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { taskId, bytes, ...media };
}

async function storedBytes(key: string): Promise<Uint8Array | null> {
  const stored = await mediaStorage().get(key);
  if (!stored) return null;
  return stored.body instanceof Uint8Array ? stored.body : new Uint8Array(await new Response(stored.body).arrayBuffer());
}

async function served(file: string) {
  const res = await serveMedia(file, new URLSearchParams());
  return { status: res.status, cacheControl: res.headers.get("cache-control"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

describe("pinned examples", () => {
  let accountId: string;
  let admin: SessionUser;

  beforeAll(async () => {
    accountId = await newAccount();
    admin = user("admin", await newAccount());
  });

  it("refuses anyone but an admin, and changes nothing", async () => {
    const image = await deliveredImage(accountId, 200);
    const member = user("user", accountId);
    expect(await codeOf(pinExample(member, { mediaId: image.id }))).toBe("forbidden");
    expect(await codeOf(unpinExample(member, VARIANT))).toBe("forbidden");
    expect(await db.variantExample.count()).toBe(0);
  });

  it.each([
    ["an unknown image", async () => ({ mediaId: newMediaId() })],
    ["an image of a failed task", async () => ({ mediaId: (await deliveredImage(accountId, 90, "fail")).id })],
    ["an unknown variant", async () => ({ mediaId: (await deliveredImage(accountId, 80)).id, variantSlug: "no-such-model" })],
  ])("answers not_found for %s", async (_, input) => {
    expect(await codeOf(pinExample(admin, await input()))).toBe("not_found");
    expect(await db.variantExample.count()).toBe(0);
  });

  it("answers a malformed media id with a validation error, not a lookup", async () => {
    await expect(pinExample(admin, { mediaId: "../../etc/passwd" })).rejects.toThrow(/not a media id/);
  });

  it("copies the image under its own id, which outlives the task's media; re-pinning replaces the copy; unpin removes it", async () => {
    const first = await deliveredImage(accountId, 255);
    const { example, replaced } = await pinExample(admin, { mediaId: first.id });
    expect(replaced).toBe(false);
    expect(example).toMatchObject({ variantSlug: VARIANT, width: 40, height: 30, prompt: "a red square, 255" });
    expect(example.mediaId).not.toBe(first.id);
    expect(example.url).toBe(`/media/${example.mediaId}.png`);
    const row = await db.variantExample.findUniqueOrThrow({ where: { variantSlug: VARIANT } });
    expect(row).toMatchObject({ sourceTaskId: first.taskId, pinnedByUserId: admin.id, contentType: "image/png" });
    expect((await variantExamples([VARIANT, "flux-2-max-text-to-image-1k"])).get(VARIANT)?.mediaId).toBe(example.mediaId);

    // The task's own image goes (retention, account deletion): the example stays, and is served for long.
    await db.media.delete({ where: { id: first.id } });
    await mediaStorage().delete(first.storageKey);
    await mediaStorage().delete(first.thumbKey);
    const original = await served(`${example.mediaId}.png`);
    expect(original.status).toBe(200);
    expect(original.bytes).toEqual(first.bytes);
    expect(original.cacheControl).toBe("public, max-age=31536000, immutable");
    expect((await served(`${example.mediaId}.thumb.webp`)).status).toBe(200);
    expect((await served(`${example.mediaId}.jpg`)).status).toBe(404);

    // Housekeeping's orphan sweep knows the copy has no media row on purpose.
    await sweepOrphanMedia(new Date(Date.now() + 25 * 3_600_000));
    expect(await storedBytes(row.storageKey)).toEqual(first.bytes);

    const second = await deliveredImage(accountId, 10);
    const again = await pinExample(admin, { mediaId: second.id });
    expect(again.replaced).toBe(true);
    expect(await db.variantExample.count({ where: { variantSlug: VARIANT } })).toBe(1);
    expect(await storedBytes(row.storageKey)).toBeNull();
    expect(await storedBytes(row.thumbKey)).toBeNull();
    expect((await served(`${example.mediaId}.png`)).status).toBe(404);
    expect((await served(`${again.example.mediaId}.png`)).bytes).toEqual(second.bytes);

    expect(await unpinExample(admin, VARIANT)).toBe(true);
    expect(await db.variantExample.count()).toBe(0);
    expect((await served(`${again.example.mediaId}.png`)).status).toBe(404);
    expect(await unpinExample(admin, VARIANT)).toBe(false);
  });

  it("pins to another variant than the one that made the image when asked", async () => {
    const image = await deliveredImage(accountId, 128);
    const { example } = await pinExample(admin, { mediaId: image.id, variantSlug: "flux-2-max-text-to-image-1k" });
    expect(example.variantSlug).toBe("flux-2-max-text-to-image-1k");
    expect(await db.variantExample.findUnique({ where: { variantSlug: VARIANT } })).toBeNull();
    expect(await unpinExample(admin, "flux-2-max-text-to-image-1k")).toBe(true);
  });

  it("keeps one example and no stray copy when two pins of one variant race", async () => {
    const [a, b] = await Promise.all([deliveredImage(accountId, 30), deliveredImage(accountId, 60)]);
    const results = await Promise.all([pinExample(admin, { mediaId: a.id }), pinExample(admin, { mediaId: b.id })]);
    expect(results.map((r) => r.replaced).sort()).toEqual([false, true]);
    const row = await db.variantExample.findUniqueOrThrow({ where: { variantSlug: VARIANT } });
    const loser = results.find((r) => r.example.mediaId !== row.mediaId)!;
    expect(await storedBytes(storageKeyFor(loser.example.mediaId, "png"))).toBeNull();
    expect(await storedBytes(thumbnailKeyFor(loser.example.mediaId))).toBeNull();
    expect((await served(`${row.mediaId}.png`)).status).toBe(200);
    await unpinExample(admin, VARIANT);
  });
});
