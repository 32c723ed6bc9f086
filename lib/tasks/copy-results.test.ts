import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskStorage } from "@/lib/media/disk-storage";
import { storageKeyFor, thumbnailKeyFor } from "@/lib/media/keys";
import { readAll, readThumbnail } from "@/lib/media/thumbnails";
import { CopyError, copyResults } from "./copy-results";

let root: string;
const globalForMedia = globalThis as unknown as { lumigateMediaStorage?: unknown };

async function png(width: number, height: number): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: "#3366cc" } }).png().toBuffer();
  return bytes.toString("base64");
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lumigate-copy-"));
  globalForMedia.lumigateMediaStorage = diskStorage(root);
});

afterAll(async () => {
  delete globalForMedia.lumigateMediaStorage;
  await rm(root, { recursive: true, force: true });
});

describe("copyResults", () => {
  it("stores every image in the upstream's order; each thumbnail is made and stored when first read", async () => {
    const images = [
      { base64: await png(640, 320), contentType: "image/png" },
      { base64: await png(16, 48), contentType: "image/png" },
    ];
    const media = await copyResults(images);
    expect(media.map((m) => [m.position, m.width, m.height])).toEqual([
      [0, 640, 320],
      [1, 16, 48],
    ]);
    const files = await filesUnder(root);
    for (const m of media) {
      expect(files).toContain(path.basename(m.storageKey));
      expect(files).not.toContain(path.basename(m.thumbKey));
    }

    const storage = diskStorage(root);
    const thumb = await readThumbnail(storage, media[0]!);
    expect(thumb?.contentType).toBe("image/webp");
    expect(await sharp(await readAll(thumb!)).metadata()).toMatchObject({ format: "webp", width: 256, height: 128 });
    expect(await filesUnder(root)).toContain(path.basename(media[0]!.thumbKey));
    // Never enlarged; and the stored one is served from then on.
    expect(await sharp(await readAll((await readThumbnail(storage, media[1]!))!)).metadata()).toMatchObject({ width: 16, height: 48 });
    const gone = "med_" + "0".repeat(24);
    expect(await readThumbnail(storage, { storageKey: storageKeyFor(gone, "png"), thumbKey: thumbnailKeyFor(gone) })).toBeNull();
  });

  it("leaves nothing behind when one image of several is not an image", async () => {
    const before = await filesUnder(root);
    const images = [
      { base64: await png(64, 64), contentType: "image/png" },
      { base64: Buffer.from("<html>not an image</html>").toString("base64"), contentType: "image/png" },
      { base64: await png(32, 32), contentType: "image/png" },
    ];
    const failure = await copyResults(images).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CopyError);
    expect((failure as CopyError).permanent).toBe(true);
    expect(await filesUnder(root)).toEqual(before);
  });

  it("refuses a success without images", async () => {
    await expect(copyResults([])).rejects.toMatchObject({ name: "CopyError", permanent: true });
  });
});
