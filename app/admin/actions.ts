"use server";

import { z } from "zod";
import { adjustAccountBalance, adminAction, endSessionsByEmail } from "@/lib/auth";
import { balanceAdjustmentInput, emailField } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

export const adjustBalanceAction = adminAction(balanceAdjustmentInput, async (input, admin) => {
  const { availableMicros } = await adjustAccountBalance(admin, {
    accountId: input.accountId,
    amountMicros: input.amountUsd,
    reason: input.reason,
  });
  return { availableMicros };
});

export const endSessionsAction = adminAction(z.object({ email: emailField }), async ({ email }) => {
  if (!(await endSessionsByEmail(email))) throw new AppError("not_found", `No user with the email ${email}.`);
  return null;
});
