"use server";

import { z } from "zod";
import { adjustAccountBalance, adminAction, approveSignupGrant, endSessionsByEmail } from "@/lib/auth";
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

const approvals = {
  granted: "Sign-up credit given.",
  already_granted: "This inbox has had its sign-up credit already.",
  paused: "Sign-up credit is paused: this hour's SIGNUP_GRANTS_PER_HOUR are used up.",
  off: "Sign-up credit is off (SIGNUP_GRANT_USD=0).",
} as const;

export const approveGrantAction = adminAction(z.object({ email: emailField }), async ({ email }) => approvals[await approveSignupGrant(email)]);
