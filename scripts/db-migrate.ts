// npm run db:migrate: apply committed migrations to the server's database (see lib/db/local.ts).
import { openDatabase } from "@/lib/db/local";
import { applyMigrations } from "@/lib/db/schema-engine";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// The wasm schema engine leaves a 10 s timer (its lock timeout) running after each command; don't wait for it.
process.exit();
