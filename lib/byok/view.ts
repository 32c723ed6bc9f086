import type { ByokProviderSlug } from "./providers";

// The shapes the dashboard shows; plain data, safe for client components.

export type CheckOutcome = "ok" | "refused" | "no_credit" | "inconclusive";
export type CheckResult = { outcome: CheckOutcome; message: string };

/** A credential as the dashboard shows it: never the secret, only its last characters. */
export type CredentialView = {
  providerSlug: ByokProviderSlug;
  providerName: string;
  /** What the upstream calls it: "API key", "API token". */
  credentialLabel: string;
  /** Null when the account has none for this upstream. */
  stored: {
    hint: string;
    checkedAt: string | null;
    checkOutcome: CheckOutcome | null;
    checkMessage: string | null;
    allowFallback: boolean;
    updatedAt: string;
  } | null;
};
