"use server";

import { z } from "zod";
import { action, sendVerificationLink } from "@/lib/auth";

export const resendVerification = action(z.object({}), async (_, user) => {
  await sendVerificationLink(user.id);
  return null;
});
