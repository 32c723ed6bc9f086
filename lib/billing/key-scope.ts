import "server-only";
import type { Prisma } from "@/lib/db";
import { keyScope } from "./periods";

export type KeyWindow = { accountId: string; dailyCapMicros: bigint | null; scope: string };

/**
 * An API key's daily cap and its spend-window scope, in one query. The scope is that of the first
 * key in the key's roll chain, so a rolled key and its successor share one daily cap rather than
 * each getting a fresh one. Null for an unknown key.
 */
export async function keyWindow(client: Pick<Prisma.TransactionClient, "$queryRaw">, apiKeyId: string): Promise<KeyWindow | null> {
  const [row] = await client.$queryRaw<{ accountId: string; dailyCapMicros: bigint | null; rootId: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT "id", "rolledFromId", "accountId", "dailyCapMicros", 0 AS depth FROM "ApiKey" WHERE "id" = ${apiKeyId}
      UNION ALL
      SELECT k."id", k."rolledFromId", k."accountId", k."dailyCapMicros", c.depth + 1
      FROM "ApiKey" k JOIN chain c ON k."id" = c."rolledFromId"
    )
    SELECT "accountId", "dailyCapMicros", (SELECT "id" FROM chain WHERE "rolledFromId" IS NULL LIMIT 1) AS "rootId"
    FROM chain WHERE depth = 0`;
  return row ? { accountId: row.accountId, dailyCapMicros: row.dailyCapMicros, scope: keyScope(row.rootId ?? apiKeyId) } : null;
}
