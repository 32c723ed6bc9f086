import { z } from "zod";
import { getBalance } from "@/lib/billing";
import { microsToCredits } from "@/lib/catalog/pricing";
import { apiRoute } from "@/lib/http";

// GET /api/v1/chat/credit: the remaining credits (1 credit = $0.007), as kie-style clients expect.
export const GET = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: ["read", "generate"],
    doc: { summary: "Remaining credits (1 credit = $0.007)", tags: ["Account"], response: z.number().meta({ example: 1428.57 }) },
  },
  async ({ key }) => {
    const balance = await getBalance(key.accountId, key.keyId);
    return microsToCredits(balance.availableMicros);
  },
);
