export { isStripeConfigured } from "./client";
export { startTopUp, startTopUpInput, type StartedTopUp } from "./start-top-up";
export { getTopUpStatus } from "./top-up-status";
export type { TopUpStatus } from "./amounts";
export { topUpReferenceModels, type ReferenceModel } from "./reference-models";
export { receiveStripeWebhook } from "./webhook";
