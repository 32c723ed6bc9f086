export { openWallet, creditIn, grantCredits, adjustBalance, type CreditInput } from "./wallet";
export { reserve, reserveHold, type ReserveInput } from "./reserve";
export { capture, captureHold, release, releaseHold } from "./settle";
export { getBalance, setAccountCaps, listLedger, type Balance, type LedgerRow } from "./balance";
export { findDrift, type Drift } from "./reconcile";
export { spendPeriods } from "./periods";
export { billingRefusal } from "./sql-errors";
