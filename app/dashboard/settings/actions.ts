"use server";

import { action, updateSpendCaps } from "@/lib/auth";
import { spendCapsInput } from "@/lib/auth/schemas";

export const saveSpendCaps = action(spendCapsInput, async (caps, user) => {
  await updateSpendCaps(user, caps);
  return caps;
});
