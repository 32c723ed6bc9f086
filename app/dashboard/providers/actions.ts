"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/action";
import { recheckCredential, removeCredential, saveCredential, setFallback } from "@/lib/byok";
import { credentialForm, fallbackForm, saveCredentialForm } from "@/lib/byok/schemas";

// Every action acts on the session's account only.

export const saveProviderKey = action(saveCredentialForm, async ({ providerSlug, secret }, user) => {
  const result = await saveCredential(user.accountId, providerSlug, secret);
  revalidatePath("/dashboard/providers");
  return result;
});

export const recheckProviderKey = action(credentialForm, async ({ providerSlug }, user) => {
  const result = await recheckCredential(user.accountId, providerSlug);
  revalidatePath("/dashboard/providers");
  return result;
});

export const removeProviderKey = action(credentialForm, async ({ providerSlug }, user) => {
  await removeCredential(user.accountId, providerSlug);
  revalidatePath("/dashboard/providers");
  return null;
});

export const setProviderFallback = action(fallbackForm, async ({ providerSlug, allowFallback }, user) => {
  await setFallback(user.accountId, providerSlug, allowFallback);
  revalidatePath("/dashboard/providers");
  return { allowFallback };
});
