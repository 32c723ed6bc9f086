// npm run worker: one worker process (npm start runs one beside the web server). Any number may run
// against the same database: the queue hands each job to one of them.
import { disconnectDb, setDatabaseUrl } from "@/lib/db";
import { openDatabase } from "@/lib/db/local";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/worker/runner";

const database = env.DATABASE_URL ? { url: env.DATABASE_URL, close: async () => {} } : await openDatabase();
if (!env.DATABASE_URL) setDatabaseUrl(database.url);
const worker = await startWorker({ databaseUrl: database.url });
console.log(`ready (pid ${process.pid}, concurrency ${env.WORKER_CONCURRENCY})`);
process.send?.({ ready: true });

let exiting = false;
async function shutdown(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  try {
    await worker.stop();
  } catch (error) {
    console.error("stopping failed", error);
    code = 1;
  }
  await disconnectDb();
  await database.close();
  process.exit(code);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(0));
// Started by the launcher: if it dies without a word, its IPC channel closes; stop rather than linger.
process.on("disconnect", () => void shutdown(0));
worker.done.then(
  () => void shutdown(0),
  (error: unknown) => {
    console.error("the queue runner failed", error);
    void shutdown(1);
  },
);
