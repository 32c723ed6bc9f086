import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { db } from "./index";

export async function checkDatabase(): Promise<{ reachable: boolean; latencyMs: number; serverVersion?: string }> {
  const started = performance.now();
  try {
    const [row] = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    return { reachable: true, latencyMs: Math.round(performance.now() - started), serverVersion: row?.version };
  } catch (error) {
    console.error("[health] database unreachable", error);
    return { reachable: false, latencyMs: Math.round(performance.now() - started) };
  }
}

/** Whether an Authorization header carries HEALTH_TOKEN (compared in constant time). */
export function isHealthTokenValid(authorization: string | null): boolean {
  if (!env.HEALTH_TOKEN || !authorization?.startsWith("Bearer ")) return false;
  const given = createHash("sha256").update(authorization.slice("Bearer ".length)).digest();
  const expected = createHash("sha256").update(env.HEALTH_TOKEN).digest();
  return timingSafeEqual(given, expected);
}
