import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export type KeyMode = "live" | "test";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** What people see of a key: `lg_live_` plus 4 characters of its secret. */
const START_LENGTH = 12;
/** The pattern secret scanners match; the checksum is what tells a real key from a typo. */
export const KEY_PATTERN = /^lg_(live|test)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;

// 248 = 4 * 62: bytes from 248 up are dropped, so `byte % 62` favours no character.
const UNBIASED_BYTE_LIMIT = 248;

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length - out.length + 4)) {
      if (byte >= UNBIASED_BYTE_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

// CRC-32 catches every single-character change and every adjacent swap; 62^6 > 2^32, so six
// base62 digits hold it without loss.
function checksum(body: string): string {
  let value = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function generateKey(mode: KeyMode): string {
  const body = `lg_${mode}_${randomBase62(SECRET_LENGTH)}`;
  return body + checksum(body);
}

/** The key's mode when it is well formed and its checksum holds; null for anything else. */
export function parseKey(raw: string): { mode: KeyMode } | null {
  const match = KEY_PATTERN.exec(raw);
  if (!match) return null;
  const body = raw.slice(0, raw.length - CHECKSUM_LENGTH);
  if (checksum(body) !== match[3]) return null;
  return { mode: match[1] as KeyMode };
}

export function hashKey(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

export function keyStart(raw: string): string {
  return raw.slice(0, START_LENGTH);
}
