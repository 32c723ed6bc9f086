"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/action";
import { createKey, revokeKey, rollKey, updateKey } from "@/lib/keys";
import { createKeyForm, keyIdForm, rollKeyForm, updateKeyForm } from "@/lib/keys/schemas";

// Every action acts on the session's account only: a key id from another account is not found.

export const createKeyAction = action(createKeyForm, async ({ dailyCapUsd, ...input }, user) => {
  const created = await createKey({ ...input, accountId: user.accountId, dailyCapMicros: dailyCapUsd });
  revalidatePath("/dashboard/keys");
  return created;
});

export const updateKeyAction = action(updateKeyForm, async ({ keyId, dailyCapUsd, ...patch }, user) => {
  const record = await updateKey(user.accountId, keyId, { ...patch, dailyCapMicros: dailyCapUsd });
  revalidatePath("/dashboard/keys");
  return record;
});

export const revokeKeyAction = action(keyIdForm, async ({ keyId }, user) => {
  const record = await revokeKey(user.accountId, keyId);
  revalidatePath("/dashboard/keys");
  return record;
});

export const rollKeyAction = action(rollKeyForm, async ({ keyId, graceDays }, user) => {
  const rolled = await rollKey(user.accountId, keyId, graceDays);
  revalidatePath("/dashboard/keys");
  return rolled;
});
