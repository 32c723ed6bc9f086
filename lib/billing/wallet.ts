import "server-only";
import { db, type Prisma } from "@/lib/db";
import { formatUsd } from "@/lib/catalog/pricing";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

type Tx = Prisma.TransactionClient;

/** Creates an account's wallet, with the sign-up grant if any, inside the caller's transaction. */
export async function openWallet(tx: Tx, accountId: string, grantMicros: number): Promise<void> {
  await tx.wallet.create({ data: { accountId, availableMicros: BigInt(grantMicros) } });
  if (grantMicros > 0) {
    await tx.ledgerEntry.create({
      data: {
        id: newId("txn"),
        accountId,
        kind: "grant",
        amountMicros: BigInt(grantMicros),
        externalRef: `signup:${accountId}`,
        memo: "Sign-up credit",
      },
    });
  }
}

export type CreditInput = {
  accountId: string;
  amountMicros: number;
  memo: string;
  actorUserId?: string;
  /** Makes the credit idempotent: a second credit with the same kind and ref is refused. */
  externalRef?: string;
};

/**
 * Adds (or, for adjustments, removes) money from the available balance with its ledger entry, in
 * the caller's transaction. A debit that would take the balance below zero fails with insufficient_credits.
 */
export async function creditIn(tx: Tx, kind: "grant" | "adjustment" | "topup", input: CreditInput): Promise<{ entryId: string }> {
  if (!Number.isSafeInteger(input.amountMicros) || input.amountMicros === 0) {
    throw new AppError("validation_error", "The amount must be a non-zero whole number of micro-USD.");
  }
  if (kind !== "adjustment" && input.amountMicros < 0) {
    throw new AppError("validation_error", "A grant must be positive; use an adjustment to remove credit.");
  }
  const amount = BigInt(input.amountMicros);
  const updated = await tx.wallet.updateMany({
    where: { accountId: input.accountId, availableMicros: { gte: -amount } },
    data: { availableMicros: { increment: amount } },
  });
  if (updated.count === 0) {
    const wallet = await tx.wallet.findUnique({ where: { accountId: input.accountId } });
    if (!wallet) throw new AppError("not_found", "No such account.");
    throw new AppError(
      "insufficient_credits",
      `This would take the balance below zero: ${formatUsd(wallet.availableMicros)} is available.`,
    );
  }
  const entry = await tx.ledgerEntry.create({
    data: {
      id: newId("txn"),
      accountId: input.accountId,
      kind,
      amountMicros: amount,
      memo: input.memo,
      actorUserId: input.actorUserId,
      externalRef: input.externalRef,
    },
  });
  return { entryId: entry.id };
}

export function grantCredits(input: CreditInput): Promise<{ entryId: string }> {
  return db.$transaction((tx) => creditIn(tx, "grant", input));
}

export function adjustBalance(input: CreditInput): Promise<{ entryId: string }> {
  return db.$transaction((tx) => creditIn(tx, "adjustment", input));
}

export type DebitInput = { accountId: string; amountMicros: number; memo: string; externalRef: string };

/**
 * Takes back money already paid out (a refunded or lost payment) at most once per `externalRef`, in
 * the caller's transaction. Unlike an adjustment it may take the balance below zero: the money is
 * gone whatever the balance, and a negative balance refuses new tasks with 402.
 */
export async function debitOnce(tx: Tx, kind: "refund" | "dispute", input: DebitInput): Promise<{ applied: boolean }> {
  if (!Number.isSafeInteger(input.amountMicros) || input.amountMicros <= 0) {
    throw new AppError("validation_error", "A debit must be a positive whole number of micro-USD.");
  }
  const amount = BigInt(input.amountMicros);
  // ON CONFLICT waits for a concurrent insert of the same ref and then does nothing, so of two
  // deliveries racing for one refund exactly one debits, and neither fails.
  const inserted = await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("id", "accountId", "kind", "amountMicros", "externalRef", "memo")
    VALUES (${newId("txn")}, ${input.accountId}, ${kind}::"LedgerKind", ${-amount}, ${input.externalRef}, ${input.memo})
    ON CONFLICT ("kind", "externalRef") DO NOTHING`;
  if (inserted === 0) return { applied: false };
  const updated = await tx.wallet.updateMany({
    where: { accountId: input.accountId },
    data: { availableMicros: { decrement: amount } },
  });
  if (updated.count === 0) throw new AppError("not_found", "No such account.");
  return { applied: true };
}
