import { getBalance } from "@/lib/billing";
import { balanceObjectSchema, toBalanceObject } from "@/lib/billing/balance-object";
import { apiRoute } from "@/lib/http";

// GET /api/v1/account/balance (also /v1/account/balance): the key's own account, never another's.
export const GET = apiRoute(
  {
    envelope: "openai",
    auth: "apiKey",
    scope: "read",
    doc: { summary: "The key's account balance, caps and spend", tags: ["Account"], response: balanceObjectSchema },
  },
  async ({ key }) => toBalanceObject(await getBalance(key.accountId, key.keyId)),
);
