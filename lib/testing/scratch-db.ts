import { afterAll, beforeAll } from "vitest";
import { disconnectDb, setDatabaseUrl } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";
import { env } from "@/lib/env";
import { scratchDatabase } from "./sql";

/**
 * Gives this test file a migrated, seeded database of its own, for tests that change the catalog or
 * run a worker (which would otherwise pick up other files' jobs). Call at the top of the file.
 */
export function withScratchDatabase(label: string): { url: () => string } {
  if (!env.DATABASE_URL) throw new Error("integration tests run with DATABASE_URL set by lib/testing/global-setup.ts");
  const database = scratchDatabase(env.DATABASE_URL, label);
  beforeAll(async () => {
    await database.create();
    await prepareDatabase(database.url);
    setDatabaseUrl(database.url);
  }, 60_000);
  afterAll(async () => {
    await disconnectDb();
    await database.drop();
  });
  return { url: () => database.url };
}
