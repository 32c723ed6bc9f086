// npm run db:seed: migrate and upsert the model catalog on the server's database (idempotent).
import { runDatabaseCommand } from "@/lib/db/command";
import { prepareDatabase } from "@/lib/db/prepare";

await runDatabaseCommand(async (url) => {
  const { applied, variants } = await prepareDatabase(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  console.log(`Catalog seeded: ${variants} model variants.`);
});
