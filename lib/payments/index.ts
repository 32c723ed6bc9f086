export { isStripeConfigured } from "./client";
export { startTopUp, startTopUpInput, type StartedTopUp } from "./start-top-up";
export { getTopUpStatus } from "./top-up-status";
export type { TopUpStatus } from "./amounts";
export { topUpReferenceModels, type ReferenceModel } from "./reference-models";
export { receiveStripeWebhook } from "./webhook";
export { handleLowBalance } from "./low-balance-job";
export { operatorCredit, queueLowBalanceJob } from "./low-balance";
export {
  autoRechargeInput,
  getAutoRechargeSettings,
  notifyBelowInput,
  setAutoRecharge,
  setNotifyBelow,
  type AutoRechargeSettings,
} from "./auto-recharge-settings";
export { cheapestJobMicros } from "./cheapest-job";
