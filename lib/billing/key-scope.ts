import "server-only";
import type { Prisma } from "@/lib/db";
import { keyScope } from "./periods";

/**
 * The spend-window scope of an API key: that of the first key in its roll chain, so a rolled key
 * and its successor share one daily cap rather than each getting a fresh one.
 */
export async function keySpendScope(client: Pick<Prisma.TransactionClient, "$queryRaw">, apiKeyId: string): Promise<string> {
  const [root] = await client.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT "id", "rolledFromId" FROM "ApiKey" WHERE "id" = ${apiKeyId}
      UNION ALL
      SELECT k."id", k."rolledFromId" FROM "ApiKey" k JOIN chain c ON k."id" = c."rolledFromId"
    )
    SELECT "id" FROM chain WHERE "rolledFromId" IS NULL LIMIT 1`;
  return keyScope(root?.id ?? apiKeyId);
}
