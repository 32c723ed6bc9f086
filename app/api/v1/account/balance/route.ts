import { getBalance } from "@/lib/billing";
import { apiRoute } from "@/lib/http";

// GET /api/v1/account/balance (also /v1/account/balance): the key's own account, never another's.
export const GET = apiRoute(
  { envelope: "openai", auth: "apiKey", scope: "read", doc: { summary: "The key's account balance, caps and spend", tags: ["Account"] } },
  async ({ key }) => {
    const balance = await getBalance(key.accountId, key.keyId);
    return {
      object: "balance",
      available_micros: balance.availableMicros,
      reserved_micros: balance.reservedMicros,
      // Micros are whole numbers below 2^53, so this division prints as the exact decimal.
      available_usd: balance.availableMicros / 1_000_000,
      currency: "usd",
      caps: {
        daily_micros: balance.caps.dailyMicros,
        monthly_micros: balance.caps.monthlyMicros,
        key_daily_micros: balance.caps.keyDailyMicros ?? null,
      },
      spent: {
        today_micros: balance.spent.todayMicros,
        month_micros: balance.spent.monthMicros,
        key_today_micros: balance.spent.keyTodayMicros ?? 0,
      },
    };
  },
);
