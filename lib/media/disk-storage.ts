import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { contentTypeForKey, isValidMediaKey } from "./keys";
import { assertMediaKey, type MediaStorage } from "./storage";

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ENOENT";
}

/**
 * Files under `rootDir/<key>`. The content type is the key's extension, so no sidecar can drift
 * from the bytes; a write lands under a temporary name and is renamed into place, so readers see
 * the whole file or none.
 */
export function diskStorage(rootDir: string): MediaStorage {
  const root = path.resolve(rootDir);

  const pathFor = (key: string, contentType?: string): string => {
    assertMediaKey(key, contentType);
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`key ${key} leaves the storage root`);
    return file;
  };

  return {
    async put(key, bytes, contentType) {
      const file = pathFor(key, contentType);
      const dir = path.dirname(file);
      await mkdir(dir, { recursive: true });
      // A leading dot keeps half-written files out of the key space.
      const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        const handle = await open(temp, "wx");
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = pathFor(key);
      let handle;
      try {
        handle = await open(file, "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const stream = handle.createReadStream({ autoClose: true });
        return {
          body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
          contentType: contentTypeForKey(key),
          bytes: size,
        };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async delete(key) {
      await rm(pathFor(key), { force: true });
    },

    // Temporary files (dot names) and anything else that is no media key are left out.
    async *list() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      });
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const key = path.relative(root, file).split(path.sep).join("/");
        if (!isValidMediaKey(key)) continue;
        const info = await stat(file).catch(() => null);
        if (info) yield { key, modifiedAt: info.mtime };
      }
    },
  };
}
