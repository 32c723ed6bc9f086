import "server-only";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's CLI needs a native schema engine that it downloads at install time, which fails on
// offline machines. The same engine ships on npm as WebAssembly and talks to Postgres through the
// driver adapter, so migrations run the same way offline and online, and still write the
// `_prisma_migrations` table that `prisma migrate deploy` would.

export const migrationsDir = path.resolve("prisma/migrations");
export const schemaPath = path.resolve("prisma/schema.prisma");

export const noFilters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package exports no path to its .wasm file, so locate it beside the JS glue.
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  client: { query(text: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * The engine never disposes the connections it opens, so we track and close them ourselves. And
 * adapter-pg runs a migration script by splitting it on ";", which cuts function bodies apart;
 * Postgres takes a multi-statement script in one simple query, which is how `prisma migrate deploy`
 * sends it, so scripts go through whole.
 */
class ClosablePrismaPg extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];

  override async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    this.opened.push(adapter);
    return adapter;
  }

  async close(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }
}

/**
 * Runs `work` with an engine connected to one database, then frees it and closes its connections:
 * a connection left open keeps the session's migration advisory lock, which stalls the next engine.
 */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const url = new URL(databaseUrl);
  // The adapter wants discrete fields, not a URL.
  const factory = new ClosablePrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  });
  const { SchemaEngine } = bg as unknown as { SchemaEngine: typeof import("@prisma/schema-engine-wasm").SchemaEngine };
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await work(engine);
  } finally {
    engine.free();
    await factory.close();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8")
            .then((ok) => ({ tag: "ok" as const, value: ok }))
            .catch((error: Error) => ({ tag: "error" as const, value: error.message })),
        },
      })),
    ),
  };
}

/** Applies every committed migration not yet applied; returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}



/** The schema file each migration folder keeps: the datamodel the migration brings the database to. */
export const SNAPSHOT_FILE = "schema.prisma";

/**
 * SQL that takes a database from `from` (null: empty) to `to`. The engine reaches the database
 * through the adapter even for two datamodels, so it needs a reachable one.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: schemaPath, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: to }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

/** The snapshot kept beside the newest migration, or null before the first one. */
export async function latestSnapshot(): Promise<{ migration: string; schema: string } | null> {
  const { migrationDirectories } = await readMigrations();
  const last = migrationDirectories.at(-1);
  if (!last) return null;
  return { migration: last.path, schema: await readFile(path.join(migrationsDir, last.path, SNAPSHOT_FILE), "utf8") };
}
