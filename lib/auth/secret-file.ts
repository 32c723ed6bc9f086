import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Without NEXTAUTH_SECRET, the launcher generates one into DATA_DIR on first start, so sessions and
// signed links survive restarts and every process beside it (worker, CLI) signs with the same one.

const secretFile = () => path.resolve(env.DATA_DIR, "auth-secret");

/** The secret kept in DATA_DIR, if one was generated. */
export function storedAuthSecret(): string | null {
  const file = secretFile();
  return existsSync(file) ? readFileSync(file, "utf8").trim() || null : null;
}

/** NEXTAUTH_SECRET, or the one kept in DATA_DIR, generated (mode 0600) on first use. */
export function ensureAuthSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const stored = storedAuthSecret();
  if (stored) return stored;
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretFile(), `${secret}\n`, { mode: 0o600 });
  return secret;
}
