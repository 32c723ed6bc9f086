import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";

// One client per process (dev hot reload would otherwise open a pool per edit), created on first
// use so that `next build` can import modules that use it without a database.
const globalForDb = globalThis as unknown as { lumigateDb?: PrismaClient };

let configuredUrl: string | undefined;

/**
 * For commands that find their database at run time (the operator CLI, reconcile): call before
 * the first query. The server itself always gets DATABASE_URL from the launcher.
 */
export function setDatabaseUrl(url: string): void {
  if (globalForDb.lumigateDb) throw new Error("setDatabaseUrl must be called before the first query.");
  configuredUrl = url;
}

function createClient(): PrismaClient {
  const url = configuredUrl ?? env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Lumigate with `npm start` (which runs an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  // Columns are `timestamp` without a zone: Prisma writes UTC, and the SQL functions' now() must
  // too, whatever zone the database server defaults to.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: "-c TimeZone=UTC" }) });
}

function client(): PrismaClient {
  return (globalForDb.lumigateDb ??= createClient());
}

export const db = new Proxy({} as PrismaClient, {
  get(_, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForDb.lumigateDb?.$disconnect();
  globalForDb.lumigateDb = undefined;
}
