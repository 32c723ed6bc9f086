import "server-only";
import { formatUsd } from "@/lib/catalog/pricing";
import { AppError } from "@/lib/errors";

type PgCause = { code?: string; originalCode?: string; message?: string; detail?: string };

/** The Postgres error under a Prisma raw-query error (through the pg driver adapter), if any. */
export function pgCause(error: unknown): PgCause | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: PgCause } } })?.meta;
  return meta?.driverAdapterError?.cause ?? null;
}

/**
 * The AppError for a refusal raised by the billing and task functions (SQLSTATE class LG, see the
 * task_functions migration); null for any other error, which the caller rethrows.
 */
export function billingRefusal(error: unknown, task: { taskId: string; amountMicros: number }): AppError | null {
  const { taskId } = task;
  const cause = pgCause(error);
  if (!cause) return null;
  const code = cause.originalCode ?? cause.code;
  const cap = cause.detail && /^\d+$/.test(cause.detail) ? formatUsd(BigInt(cause.detail)) : "";
  if (code === "23505") return new AppError("idempotency_conflict", `Task ${taskId} already has a reservation.`);
  if (code === "LG404") return new AppError("not_found", cause.message === "no_key" ? "No such API key on this account." : "No such account.");
  if (code === "LG402") {
    // lumigate_reserve names the amount it tried to hold: a volume tier's price is picked in SQL.
    const amount = cause.detail && /^\d+$/.test(cause.detail) ? BigInt(cause.detail) : task.amountMicros;
    return new AppError("insufficient_credits", `Insufficient credits: this costs ${formatUsd(amount)} and the available balance is lower. Top up to continue.`);
  }
  if (code === "LG430") {
    return new AppError(
      "rate_limited",
      "Too many tasks in flight for this account; wait for some to finish (recordInfo shows their state) and retry.",
      { retryAfterSec: 2 },
    );
  }
  if (code === "LG429") {
    switch (cause.message) {
      case "daily_cap":
        return new AppError("spend_cap_reached", `Daily spend cap of ${cap} reached for today (UTC). Raise it in the dashboard or wait until midnight UTC.`);
      case "monthly_cap":
        return new AppError("spend_cap_reached", `Monthly spend cap of ${cap} reached for this month. Raise it in the dashboard.`);
      case "key_cap":
        return new AppError("key_limit_exceeded", `This API key's daily spend cap of ${cap} is reached for today (UTC).`);
    }
  }
  return null;
}
