// npm run db:migrate: apply committed migrations to the server's database (see lib/db/local.ts).
import { runDatabaseCommand } from "@/lib/db/command";
import { applyMigrations } from "@/lib/db/schema-engine";

await runDatabaseCommand(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
});
