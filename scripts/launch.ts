// npm start / npm run dev: build if needed, start the database if needed, migrate, seed, serve.
// Everything it starts stops with it (Ctrl-C, SIGTERM, SIGHUP, or the server exiting).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DataDirInUseError, startEmbeddedPostgres } from "@/lib/db/embedded";
import { EMBEDDED_DATABASE } from "@/lib/db/local";
import { prepareDatabase } from "@/lib/db/prepare";
import { childEnv, env, publicUrl } from "@/lib/env";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.resolve("node_modules/.bin/next");
const say = (line: string) => console.log(`[lumigate] ${line}`);

// What `next build` compiles; a change to any of these makes the last build stale.
const buildInputs = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.resolve(input)) > builtAt);
}

/** NEXTAUTH_SECRET, or one generated on first start and kept in DATA_DIR so sessions survive restarts. */
function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

async function listening(port: number, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null) {
    if (!(await portIsFree(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env: childEnv(extraEnv) });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!(await portIsFree(env.PORT))) {
    console.error(
      `[lumigate] Port ${env.PORT} is already in use (is Lumigate already running?). Stop that process or set PORT to another port.`,
    );
    return 1;
  }

  if (mode === "start" && buildIsStale()) {
    say("Building the app (first start or changed sources)...");
    const code = await exited(run(nextBin, ["build"]));
    if (code !== 0) return code;
  }

  let stopDatabase = async () => {};
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    try {
      const embedded = await startEmbeddedPostgres({
        dataDir: env.DATA_DIR,
        port: env.EMBEDDED_PG_PORT,
        database: EMBEDDED_DATABASE,
      });
      databaseUrl = embedded.url;
      stopDatabase = embedded.stop;
      say(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${path.resolve(env.DATA_DIR, "pg")}`);
    } catch (error) {
      console.error(`[lumigate] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }

  let server: ChildProcess | undefined = undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal === "SIGHUP" && process.ppid === 1 ? "parent exited" : signal}: stopping...`);
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await exited(server);
    }
    await stopDatabase();
  };
  const stopped = new Promise<number>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => void shutdown(signal).then(() => resolve(signal === "SIGINT" ? 130 : 143)));
    }
    // If whoever started us dies without passing a signal on (a killed npm), stop rather than orphan
    // the server and the database.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown("SIGHUP").then(() => resolve(129));
    }, 1000).unref();
  });

  try {
    const prepared = await prepareDatabase(databaseUrl);
    if (prepared.applied.length) say(`Applied migrations: ${prepared.applied.join(", ")}`);
    say(`Catalog: ${prepared.variants} model variants`);
  } catch (error) {
    console.error(`[lumigate] Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
    await stopDatabase();
    return 1;
  }
  if (stopping) return stopped;

  server = run(nextBin, [mode, "--port", String(env.PORT)], {
    DATABASE_URL: databaseUrl,
    PORT: String(env.PORT),
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? publicUrl,
  });
  void listening(env.PORT, server).then((up) => {
    if (up) say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://localhost:${env.PORT}`);
  });
  const serverExit = exited(server).then(async (code) => {
    if (!stopping) {
      stopping = true;
      say(`The server exited (code ${code}); stopping the database.`);
      await stopDatabase();
    }
    return code;
  });
  return Promise.race([stopped, serverExit]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DataDirInUseError ? error.message : error);
    process.exit(1);
  },
);
