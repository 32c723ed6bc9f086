import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { encryptionKey, type EncryptionKey } from "./crypto";

// Without BYOK_ENCRYPTION_KEY the key is generated into DATA_DIR once and read from there by every
// process on this machine (web and worker share DATA_DIR, as they share the auth secret).

export const KEY_FILE = "byok.key";

function decode(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${where} must hold base64 of 32 bytes; it holds ${key.length} bytes.`);
  return key;
}

/**
 * The key in `dir`/byok.key, created (mode 0600) when absent. Web and worker may start at the same
 * moment: the file appears complete or not at all (written aside, then hard-linked into place,
 * which fails if another process got there first), so both end up with the same key.
 */
export function loadOrCreateKeyFile(dir: string): Buffer {
  const file = path.resolve(dir, KEY_FILE);
  if (existsSync(file)) return decode(readFileSync(file, "utf8"), file);
  mkdirSync(dir, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  // The umask may have narrowed the mode further, never widened it; make it exact.
  chmodSync(draft, 0o600);
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  return decode(readFileSync(file, "utf8"), file);
}

let cached: EncryptionKey | undefined;

/** BYOK_ENCRYPTION_KEY, or the one kept in DATA_DIR. */
export function byokEncryptionKey(): EncryptionKey {
  cached ??= encryptionKey(
    env.BYOK_ENCRYPTION_KEY ? decode(env.BYOK_ENCRYPTION_KEY, "BYOK_ENCRYPTION_KEY") : loadOrCreateKeyFile(env.DATA_DIR),
  );
  return cached;
}
