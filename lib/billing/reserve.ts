import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { spendPeriods } from "./periods";
import { billingRefusal } from "./sql-errors";

type Tx = Prisma.TransactionClient;

export type ReserveInput = {
  accountId: string;
  apiKeyId?: string | null;
  amountMicros: number;
  taskId: string;
  now?: Date;
};

/**
 * Holds a task's price, in the caller's transaction: moves it from available to reserved and counts
 * it against every spend cap, all or nothing. One call of lumigate_reserve (the task_functions
 * migration), where each limit is a conditional UPDATE taken in a fixed order (wallet, account day,
 * account month, key day), so concurrent reserves can neither overshoot a cap nor deadlock.
 * One hold per task.
 */
export async function reserveHold(tx: Tx, input: ReserveInput): Promise<{ holdId: string }> {
  if (!Number.isSafeInteger(input.amountMicros) || input.amountMicros <= 0) {
    throw new AppError("validation_error", "A reservation must be a positive whole number of micro-USD.");
  }
  const { day, month } = spendPeriods(input.now ?? new Date());
  try {
    await tx.$executeRaw`
      SELECT lumigate_reserve(${input.taskId}, ${input.accountId}, ${input.apiKeyId ?? null}::text,
        ${BigInt(input.amountMicros)}::bigint, ${day}, ${month}, ${newId("txn")})`;
  } catch (error) {
    throw billingRefusal(error, input) ?? error;
  }
  return { holdId: input.taskId };
}

/** reserveHold in a transaction of its own. */
export function reserve(input: ReserveInput): Promise<{ holdId: string }> {
  return db.$transaction((tx) => reserveHold(tx, input));
}
