"use server";

import { adjustAccountBalance, adminAction } from "@/lib/auth";
import { balanceAdjustmentInput } from "@/lib/auth/schemas";

export const adjustBalanceAction = adminAction(balanceAdjustmentInput, async (input, admin) => {
  const { availableMicros } = await adjustAccountBalance(admin, {
    accountId: input.accountId,
    amountMicros: input.amountUsd,
    reason: input.reason,
  });
  return { availableMicros };
});
