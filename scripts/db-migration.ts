// npm run db:migration NAME: write the next migration from the schema diff. Each migration keeps a
// snapshot of the schema it produces, because the offline engine cannot describe a live database;
// the next diff starts from that snapshot.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "@/lib/db/local";
import { SNAPSHOT_FILE, diffSchemas, latestSnapshot, migrationsDir, schemaPath } from "@/lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration <name>   e.g. npm run db:migration add_api_keys");
  process.exit(2);
}

const schema = await readFile(schemaPath, "utf8");
const previous = await latestSnapshot();
const database = await openDatabase();
try {
  const sql = await diffSchemas(database.url, previous?.schema ?? null, schema);
  if (!sql.trim()) {
    console.log(`No schema changes since ${previous?.migration ?? "the empty database"}; nothing written.`);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(path.join(dir, SNAPSHOT_FILE), schema);
    await writeFile(
      path.join(migrationsDir, "migration_lock.toml"),
      '# Written by npm run db:migration; keep it in version control.\nprovider = "postgresql"\n',
    );
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} catch (error) {
  console.error(`Could not write the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// The wasm schema engine leaves a 10 s timer (its lock timeout) running after each command; don't wait for it.
process.exit();
