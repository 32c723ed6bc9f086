export { isAllowedAddress } from "./address";
export { deliverCallback, type DeliverCallbackInput, type DeliveryOutcome, type DeliveryResult } from "./deliver";
export { MAX_CALLBACK_ATTEMPTS, nextAttemptDelayMs } from "./schedule";
export {
  type CallbackSignatureHeaders,
  kieSignatureHeaders,
  type KieSignatureHeaders,
  newSigningSecret,
  signCallback,
  type SignCallbackInput,
} from "./sign";
export {
  createSafeDispatcher,
  InvalidUrlError,
  parseCallbackUrl,
  type ResolveHost,
  type SafeDispatcherOptions,
  safeFetch,
  type SafeFetchInit,
  SsrfBlockedError,
} from "./ssrf";
