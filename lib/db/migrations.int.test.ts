import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { runSql, scratchDatabase } from "@/lib/testing/sql";
import { prepareDatabase } from "./prepare";
import { applyMigrations, diffSchemas, latestSnapshot, readMigrations, schemaPath } from "./schema-engine";

const scratch = scratchDatabase(env.DATABASE_URL!, "migrations");
const freshUrl = scratch.url;
beforeAll(scratch.create);
afterAll(scratch.drop);

const catalogTables = ["Provider", "ModelFamily", "Variant", "VariantAlias", "Route"];

async function dumpCatalog(url: string): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of catalogTables) {
    // updatedAt moves on every upsert by design; the content must not.
    const rows = await runSql(url, `SELECT to_jsonb(t) - 'updatedAt' AS row FROM "${table}" t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

describe("migrations", () => {
  it("apply to a fresh database, then applying again is a no-op", async () => {
    const all = (await readMigrations()).migrationDirectories.map((d) => d.path);
    expect(all.length).toBeGreaterThan(0);
    expect(await applyMigrations(freshUrl)).toEqual(all);
    expect(await applyMigrations(freshUrl)).toEqual([]);
    const recorded = await runSql<{ migration_name: string }>(
      freshUrl,
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(all);
  });

  it("seeding twice leaves the same rows", async () => {
    const first = await prepareDatabase(freshUrl);
    const afterFirst = await dumpCatalog(freshUrl);
    const second = await prepareDatabase(freshUrl);
    expect(second).toEqual({ applied: [], variants: first.variants });
    expect(await dumpCatalog(freshUrl)).toEqual(afterFirst);
    expect(afterFirst.Variant!.length).toBe(first.variants);
  });

  it("prisma/schema.prisma has no changes missing from the committed migrations", async () => {
    const snapshot = await latestSnapshot();
    const schema = await readFile(schemaPath, "utf8");
    expect(await diffSchemas(env.DATABASE_URL!, snapshot!.schema, schema)).toBe("");
  });
});
