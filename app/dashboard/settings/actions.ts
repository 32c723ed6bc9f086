"use server";

import { z } from "zod";
import { action, updateSpendCaps } from "@/lib/auth";
import { spendCapsInput } from "@/lib/auth/schemas";
import { rollSigningSecret } from "@/lib/webhooks/account-secrets";

export const saveSpendCaps = action(spendCapsInput, async (caps, user) => {
  await updateSpendCaps(user, caps);
  return caps;
});

export const rollCallbackSecret = action(z.object({}), async (_, user) => ({ secret: await rollSigningSecret(user.accountId) }));
