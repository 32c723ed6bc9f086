import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskStorage } from "./disk-storage";
import { newMediaId, storageKeyFor, thumbnailKeyFor } from "./keys";
import { s3Storage } from "./s3-storage";
import { InvalidMediaKeyError, type MediaStorage, type StoredMedia } from "./storage";

async function bytesOf(body: StoredMedia["body"]): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
let tempRoot: string;
let diskRoot: string;
let s3: S3rver;
let s3Endpoint: string;

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), "lumigate-media-"));
  diskRoot = path.join(tempRoot, "disk");
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(tempRoot, "s3") });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  const admin = new S3Client({ endpoint: s3Endpoint, region: "us-east-1", forcePathStyle: true, credentials });
  await admin.send(new CreateBucketCommand({ Bucket: "lumigate-media" }));
  admin.destroy();
});

afterAll(async () => {
  s3.httpServer?.closeAllConnections();
  await s3.close();
  await rm(tempRoot, { recursive: true, force: true });
});

const backends: [string, () => MediaStorage][] = [
  ["disk", () => diskStorage(diskRoot)],
  ["s3", () => s3Storage({ endpoint: s3Endpoint, region: "us-east-1", bucket: "lumigate-media", forcePathStyle: true, ...credentials })],
];

describe.each(backends)("%s storage", (_name, storage) => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it("gets back what it put, then nothing once deleted", async () => {
    const media = storage();
    const key = storageKeyFor(newMediaId(), "png");
    expect(await media.get(key)).toBeNull();
    await media.put(key, png, "image/png");
    const stored = await media.get(key);
    expect(stored).toMatchObject({ contentType: "image/png", bytes: png.byteLength });
    expect(await bytesOf(stored!.body)).toEqual(png);
    await media.delete(key);
    expect(await media.get(key)).toBeNull();
    await expect(media.delete(key)).resolves.toBeUndefined();
  });

  it("replaces an object written twice under one key", async () => {
    const media = storage();
    const key = thumbnailKeyFor(newMediaId());
    await media.put(key, new Uint8Array(5000).fill(7), "image/webp");
    await media.put(key, new Uint8Array([9, 9]), "image/webp");
    const stored = await media.get(key);
    expect(stored).toMatchObject({ contentType: "image/webp", bytes: 2 });
    expect(await bytesOf(stored!.body)).toEqual(new Uint8Array([9, 9]));
  });

  it.each(["../../etc/passwd", "ab/cd/../../../../etc/passwd.png", "/etc/passwd.png", "ab/cd/.x.png.tmp", "ab\\..\\x.png", ""])(
    "refuses the key %j in put, get and delete",
    async (key) => {
      const media = storage();
      await expect(media.put(key, png, "image/png")).rejects.toBeInstanceOf(InvalidMediaKeyError);
      await expect(media.get(key)).rejects.toBeInstanceOf(InvalidMediaKeyError);
      await expect(media.delete(key)).rejects.toBeInstanceOf(InvalidMediaKeyError);
    },
  );

  it("lists what it holds with when each was written", async () => {
    const media = storage();
    const keys = [storageKeyFor(newMediaId(), "png"), thumbnailKeyFor(newMediaId())];
    const before = Date.now() - 5_000;
    await media.put(keys[0]!, png, "image/png");
    await media.put(keys[1]!, png, "image/webp");
    const listed = new Map<string, Date>();
    for await (const { key, modifiedAt } of media.list()) listed.set(key, modifiedAt);
    for (const key of keys) {
      expect(listed.has(key)).toBe(true);
      expect(listed.get(key)!.getTime()).toBeGreaterThan(before);
    }
    await media.delete(keys[0]!);
    const after: string[] = [];
    for await (const { key } of media.list()) after.push(key);
    expect(after).not.toContain(keys[0]);
  });

  it("refuses a content type that contradicts the key", async () => {
    const key = storageKeyFor(newMediaId(), "png");
    await expect(storage().put(key, png, "image/jpeg")).rejects.toThrow("does not match");
    expect(await storage().get(key)).toBeNull();
  });
});

describe("disk storage on disk", () => {
  it("lays files out under rootDir/<key> and leaves no temporary files behind", async () => {
    const root = path.join(tempRoot, "layout");
    const media = diskStorage(root);
    const id = newMediaId();
    const key = storageKeyFor(id, "jpg");
    await Promise.all(Array.from({ length: 10 }, (_, i) => media.put(key, new Uint8Array(1000).fill(i), "image/jpeg")));
    const file = path.join(root, key);
    expect((await stat(file)).size).toBe(1000);
    const content = await readFile(file);
    expect(new Set(content).size).toBe(1);
    expect(await readdir(path.dirname(file))).toEqual([`${id}.jpg`]);
  });

  it("never reads a file beside the root", async () => {
    const media = diskStorage(path.join(tempRoot, "jail"));
    await writeFile(path.join(tempRoot, "secret.png"), "secret");
    for (const key of ["../secret.png", "ab/../../secret.png", `${tempRoot}/secret.png`]) {
      await expect(media.get(key)).rejects.toBeInstanceOf(InvalidMediaKeyError);
    }
  });
});
