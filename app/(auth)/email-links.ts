"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction, requestPasswordReset, resetPassword, verifyEmail } from "@/lib/auth";
import { emailField, passwordField } from "@/lib/auth/schemas";
import { formatUsd } from "@/lib/catalog/pricing";
import { signupGrantMicros } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/ratelimit";

const token = z.string().max(200);

const grantMessages = {
  granted: `Your email is confirmed, and ${formatUsd(signupGrantMicros)} of free credit is in your balance.`,
  already_granted: "Your email is confirmed. This inbox has had its free credit already, so none was added.",
  paused: "Your email is confirmed. Free credit is paused for the moment (too many sign-ups this hour); ask the operator if you need it.",
  off: "Your email is confirmed.",
  not_by_verification: "Your email is confirmed.",
} as const;

export const confirmEmail = publicAction(z.object({ token }), async (input) => {
  const result = await verifyEmail(input.token);
  if (!result) throw new AppError("validation_error", "This link was used already or has expired. Sign in and ask for a new one from the dashboard.");
  return { message: grantMessages[result.grant] };
});

export const requestReset = publicAction(z.object({ email: emailField }), async ({ email }) => {
  await requestPasswordReset(email, clientAddress(await headers()));
  return null;
});

export const setNewPassword = publicAction(z.object({ token, password: passwordField }), async (input) => {
  await resetPassword(input.token, input.password);
  return null;
});
