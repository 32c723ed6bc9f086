// npm run db:seed: migrate and upsert the model catalog on the server's database (idempotent).
import { openDatabase } from "@/lib/db/local";
import { prepareDatabase } from "@/lib/db/prepare";

const database = await openDatabase();
try {
  const { applied, variants } = await prepareDatabase(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  console.log(`Catalog seeded: ${variants} model variants.`);
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// The wasm schema engine leaves a 10 s timer (its lock timeout) running after each command; don't wait for it.
process.exit();
