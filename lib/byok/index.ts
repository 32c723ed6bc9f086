import "server-only";

export {
  byokPlan,
  byokUpstreamsFor,
  listCredentials,
  ownCredentials,
  recheckCredential,
  removeCredential,
  saveCredential,
  setFallback,
} from "./credentials";
export type { OwnCredential } from "./credentials";
export { redactSecret } from "./check";
export type { CheckOutcome, CheckResult, CredentialView } from "./view";
export { submittedEndpoint } from "./endpoint";
export { byokFeeMicros, chargedMicros } from "./fee";
export { byokProvider, byokProviders, byokProviderSlugs, type ByokProvider, type ByokProviderSlug } from "./providers";
