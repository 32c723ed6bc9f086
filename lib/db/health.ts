import "server-only";
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
