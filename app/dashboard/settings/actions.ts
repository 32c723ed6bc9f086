"use server";

import { z } from "zod";
import { deleteAccount, deleteAccountInput } from "@/lib/account";
import { action, changePassword, reissueSessionCookie, updateSpendCaps } from "@/lib/auth";
import { changePasswordInput, spendCapsInput } from "@/lib/auth/schemas";
import { rollSigningSecret } from "@/lib/webhooks/account-secrets";

export const saveSpendCaps = action(spendCapsInput, async (caps, user) => {
  await updateSpendCaps(user, caps);
  return caps;
});

export const rollCallbackSecret = action(z.object({}), async (_, user) => ({ secret: await rollSigningSecret(user.accountId) }));

// Every other session ends; this one carries on with a cookie at the new session version.
export const savePassword = action(changePasswordInput, async (input, user) => {
  const { sessionVersion } = await changePassword(user.id, input);
  await reissueSessionCookie(sessionVersion);
  return null;
});

// The session ends with the user's new session version; the browser then signs out to clear its cookie.
export const deleteMyAccount = action(deleteAccountInput, async (input, user) => {
  await deleteAccount(user, input);
  return null;
});
