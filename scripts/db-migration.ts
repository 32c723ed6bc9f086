// npm run db:migration NAME: write the next migration from the schema diff. Each migration keeps a
// snapshot of the schema it produces, because the offline engine cannot describe a live database;
// the next diff starts from that snapshot.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runDatabaseCommand } from "@/lib/db/command";
import { SNAPSHOT_FILE, diffSchemas, latestSnapshot, migrationsDir, schemaPath } from "@/lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration <name>   e.g. npm run db:migration add_api_keys");
  process.exit(2);
}

const schema = await readFile(schemaPath, "utf8");
const previous = await latestSnapshot();
await runDatabaseCommand(async (url) => {
  const sql = await diffSchemas(url, previous?.schema ?? null, schema);
  if (!sql.trim()) {
    console.log(`No schema changes since ${previous?.migration ?? "the empty database"}; nothing written.`);
    return;
  }
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
});
