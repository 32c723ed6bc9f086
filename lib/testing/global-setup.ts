import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { env } from "@/lib/env";

// Integration tests get a fresh database per run: on DATABASE_URL's server when set, else on an
// embedded Postgres cluster of their own run (so a running Lumigate or another run is left alone).
export default async function setup(): Promise<() => Promise<void>> {
  const name = `lumigate_test_${Date.now()}_${process.pid}`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    const dataDir = path.join(env.DATA_DIR, "test", String(process.pid));
    const embedded = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    adminUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  await admin(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString());
  // Read by lib/env.ts in the test workers, which start after this.
  process.env.DATABASE_URL = url.toString();

  return async () => {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await stopServer();
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
