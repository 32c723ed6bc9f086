import { z } from "zod";
import { byokProviderSlugs } from "./providers";

// What the dashboard's provider forms send.

export const byokProviderSlug = z.enum(byokProviderSlugs, "Choose one of the listed upstreams");

export const saveCredentialForm = z.object({
  providerSlug: byokProviderSlug,
  secret: z
    .string("Paste the key")
    .trim()
    .min(8, "That is too short to be a key")
    .max(1024, "At most 1024 characters")
    .regex(/^\S+$/, "A key has no spaces in it"),
});

export const credentialForm = z.object({ providerSlug: byokProviderSlug });

export const fallbackForm = z.object({ providerSlug: byokProviderSlug, allowFallback: z.boolean() });
