import { z } from "zod";
import type { Balance } from "./balance";

const micros = z.number().int();

// The answer of GET /v1/account/balance, for the OpenAPI document; toBalanceObject is typed by it.
export const balanceObjectSchema = z
  .object({
    object: z.literal("balance"),
    available_micros: micros.meta({ description: "What new tasks can spend, in micro-USD (1,000,000 = $1)" }),
    reserved_micros: micros.meta({ description: "Held for tasks in flight; captured on success, released on failure" }),
    available_usd: z.number(),
    currency: z.literal("usd"),
    caps: z.object({ daily_micros: micros.nullable(), monthly_micros: micros.nullable(), key_daily_micros: micros.nullable() }),
    spent: z.object({ today_micros: micros, month_micros: micros, key_today_micros: micros }).meta({
      description: "Spent or held in the current UTC day and month",
    }),
  })
  .meta({ id: "Balance", example: { object: "balance", available_micros: 9_930_000, reserved_micros: 35_000, available_usd: 9.93, currency: "usd", caps: { daily_micros: 5_000_000, monthly_micros: null, key_daily_micros: null }, spent: { today_micros: 70_000, month_micros: 70_000, key_today_micros: 70_000 } } });

export function toBalanceObject(balance: Balance): z.input<typeof balanceObjectSchema> {
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
}
