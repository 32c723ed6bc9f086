import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { embeddedUrl, runningPostmaster, startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATABASE = "lumigate";

export type OpenDatabase = { url: string; source: "external" | "embedded-running" | "embedded-started"; close: () => Promise<void> };

/**
 * The database the server uses, for commands run beside it (migrate, seed, CLI): DATABASE_URL when
 * set; else the embedded Postgres a running Lumigate already started on DATA_DIR; else a fresh start
 * of it, stopped again by `close`.
 */
export async function openDatabase(log?: (line: string) => void): Promise<OpenDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: "external", close: async () => {} };
  const running = runningPostmaster(path.resolve(env.DATA_DIR, "pg"));
  if (running) {
    // The running Lumigate provisioned its database and role when it started.
    return { url: embeddedUrl(env.DATA_DIR, running.port, EMBEDDED_DATABASE), source: "embedded-running", close: async () => {} };
  }
  const started = await startEmbeddedPostgres({
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE,
    log,
  });
  return { url: started.url, source: "embedded-started", close: started.stop };
}
