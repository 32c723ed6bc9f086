import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { runMigrations } from "graphile-worker";
import { seedCatalog } from "@/lib/catalog/seed";
import { PrismaClient } from "./generated/client";
import { applyMigrations } from "./schema-engine";

/**
 * Brings a database to the current schema (ours and the job queue's, which task creation writes
 * to) and catalog. Safe to run any number of times.
 */
export async function prepareDatabase(url: string): Promise<{ applied: string[]; variants: number }> {
  const applied = await applyMigrations(url);
  await runMigrations({ connectionString: url, logger: undefined });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const seeded = await seedCatalog(client);
    return { applied, variants: seeded.variants };
  } finally {
    await client.$disconnect();
  }
}
