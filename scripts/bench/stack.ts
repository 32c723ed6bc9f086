// The system under test: embedded PostgreSQL in a scratch directory, and the web server and one
// worker as child processes started the way the launcher starts them, each on a free loopback port.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { setDatabaseUrl } from "@/lib/db";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { childEnv } from "@/lib/env";
import { buildIsStale } from "@/scripts/build-state";
import { httpReady, ipcReady } from "@/scripts/supervisor";
import { startProcess, stopProcess, waitReady, type Proc } from "./processes";

const nextBin = path.resolve("node_modules/.bin/next");
const say = (line: string) => console.log(`[bench] ${line}`);

/** Waits for anyone else's `next build`, then builds when .next is missing or older than the sources. */
export async function ensureBuild(): Promise<void> {
  while (spawnSync("pgrep", ["-f", "next build"]).status === 0) {
    say("another `next build` is running; waiting for it to finish...");
    await sleep(5_000);
  }
  if (!buildIsStale()) return;
  say("building the app first (.next is missing or older than the sources)...");
  const started = Date.now();
  const child = spawn(nextBin, ["build"], { stdio: "inherit", env: childEnv({ NODE_ENV: "production" }) });
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Embedded PostgreSQL, migrated and seeded, and this process's Prisma client pointed at it. */
export async function startDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedPostgres({ dataDir, database: "lumigate_bench" });
  await prepareDatabase(database.url);
  setDatabaseUrl(database.url);
  return database;
}

export type Services = { databaseUrl: string; simulatorUrl: string; secret: string; dataDir: string; logDir: string };

export type App = {
  origin: string;
  web: Proc;
  worker: Proc | null;
  /** What the worker reported on start. */
  workerConcurrency: number | null;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
};

function appEnv(services: Services, port: number, webhooks: boolean): NodeJS.ProcessEnv {
  const origin = `http://127.0.0.1:${port}`;
  return childEnv({
    NODE_ENV: "production",
    DATABASE_URL: services.databaseUrl,
    SIMULATOR_URL: services.simulatorUrl,
    NEXTAUTH_SECRET: services.secret,
    NEXTAUTH_URL: origin,
    PORT: String(port),
    HOST: "127.0.0.1",
    UPSTREAM_WEBHOOK_URL: webhooks ? origin : "none",
    DATA_DIR: services.dataDir,
    // Every upstream is the simulator (never a real one), rate limits in memory, media on local
    // disk, the worker at its default concurrency, whatever the caller's environment says.
    BFL_API_KEY: undefined,
    FAL_KEY: undefined,
    REPLICATE_API_TOKEN: undefined,
    OPENAI_API_KEY: undefined,
    REDIS_URL: undefined,
    S3_BUCKET: undefined,
    WORKER_CONCURRENCY: undefined,
    PUBLIC_URL: undefined,
  });
}

/** The web server (as the launcher starts it) on a free port; the worker is started separately, when the caller wants tasks to run. */
export async function startApp(services: Services, options: { webhooks: boolean }): Promise<App> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = appEnv(services, port, options.webhooks);
  const web = startProcess("web", process.execPath, ["scripts/web.mjs", "start", String(port), "127.0.0.1"], env, services.logDir);
  await waitReady(web, httpReady(`${origin}/api/health`), 60_000);
  const app: App = {
    origin,
    web,
    worker: null,
    workerConcurrency: null,
    async startWorker() {
      const worker = startProcess(
        "worker",
        process.execPath,
        ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
        env,
        services.logDir,
      );
      app.worker = worker;
      await waitReady(worker, ipcReady(), 60_000);
      // Its ready line and its IPC message travel separately: the line may come a moment later.
      for (let i = 0; i < 20 && app.workerConcurrency === null; i++) {
        const reported = /concurrency (\d+)/.exec(worker.tail())?.[1];
        if (reported) app.workerConcurrency = Number(reported);
        else await sleep(50);
      }
    },
    async stop() {
      if (app.worker) await stopProcess(app.worker);
      await stopProcess(web);
    },
  };
  return app;
}
