import "server-only";
import { z } from "zod";
import { formatUsd, parseUsdToMicros } from "@/lib/catalog/pricing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { MICROS_PER_CENT } from "./amounts";
import { isStripeConfigured } from "./client";
import { queueLowBalanceJob, rearmLowBalanceNotice } from "./low-balance";
import type { NoticeSettings } from "./notices";

export const autoRechargeInput = z.object({
  enabled: z.boolean(),
  thresholdUsd: z.string().trim().max(20),
  amountUsd: z.string().trim().max(20),
});

export const notifyBelowInput = z.object({ notifyBelowUsd: z.string().trim().max(20) });

function dollars(value: string, param: string, range: { min: number; max: number }): number {
  const micros = parseUsdToMicros(value);
  const invalid = (message: string) => new AppError("validation_error", message, { param });
  if (micros === null || micros % MICROS_PER_CENT !== 0) throw invalid("Enter a dollar amount with at most two decimals, such as 25 or 12.50.");
  if (micros < range.min || micros > range.max) throw invalid(`Enter an amount between ${formatUsd(range.min)} and ${formatUsd(range.max)}.`);
  return micros;
}

export type AutoRechargeSettings = NoticeSettings & {
  autoRechargeAmountMicros: number | null;
  card: { brand: string | null; last4: string | null } | null;
  /** Why the last attempt failed, while auto-recharge is off because of it. */
  failure: string | null;
};

export async function getAutoRechargeSettings(accountId: string): Promise<AutoRechargeSettings> {
  const a = await db.account.findUnique({ where: { id: accountId } });
  if (!a) throw new AppError("not_found", "No such account.");
  const num = (v: bigint | null) => (v === null ? null : Number(v));
  return {
    autoRechargeEnabled: a.autoRechargeEnabled,
    autoRechargeThresholdMicros: num(a.autoRechargeThresholdMicros),
    autoRechargeAmountMicros: num(a.autoRechargeAmountMicros),
    notifyBelowMicros: num(a.notifyBelowMicros),
    card: a.stripePaymentMethodId ? { brand: a.cardBrand, last4: a.cardLast4 } : null,
    failure: a.autoRechargeEnabled ? null : a.autoRechargeFailure,
  };
}

/**
 * Saves the account's auto-recharge settings. Turning it on needs a card saved by an earlier card
 * top-up, clears the last failure, and, when the balance is already below the threshold, queues the
 * recharge at once instead of waiting for the next job to finish.
 */
export async function setAutoRecharge(accountId: string, input: z.infer<typeof autoRechargeInput>): Promise<void> {
  if (!isStripeConfigured()) throw new AppError("feature_disabled", "Card payments are not set up on this gateway, so auto-recharge cannot charge a card.");
  const amountMicros = dollars(input.amountUsd, "amountUsd", { min: env.TOPUP_MIN_USD * 1_000_000, max: env.TOPUP_MAX_USD * 1_000_000 });
  const thresholdMicros = dollars(input.thresholdUsd, "thresholdUsd", { min: MICROS_PER_CENT * 100, max: env.TOPUP_MAX_USD * 1_000_000 });
  await db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { stripePaymentMethodId: true } });
    if (!account) throw new AppError("not_found", "No such account.");
    if (input.enabled && !account.stripePaymentMethodId) {
      throw new AppError("conflict", "No card is saved yet. Top up once by card: the card you pay with is saved for auto-recharge.");
    }
    await tx.account.update({
      where: { id: accountId },
      data: {
        autoRechargeEnabled: input.enabled,
        autoRechargeThresholdMicros: BigInt(thresholdMicros),
        autoRechargeAmountMicros: BigInt(amountMicros),
        ...(input.enabled ? { autoRechargeFailure: null } : {}),
      },
    });
    await rearmLowBalanceNotice(tx, accountId);
    if (input.enabled) await queueLowBalanceJob(tx, accountId);
  });
}

/** The balance below which the account is told (when auto-recharge is off). */
export async function setNotifyBelow(accountId: string, input: z.infer<typeof notifyBelowInput>): Promise<void> {
  const micros = dollars(input.notifyBelowUsd, "notifyBelowUsd", { min: 0, max: env.TOPUP_MAX_USD * 1_000_000 });
  await db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { id: accountId }, data: { notifyBelowMicros: BigInt(micros) } });
    if (updated.count === 0) throw new AppError("not_found", "No such account.");
    await rearmLowBalanceNotice(tx, accountId);
  });
}
