export { openWallet, grantCredits, adjustBalance } from "./wallet";
export { reserve, type ReserveInput } from "./reserve";
export { capture, release } from "./settle";
export { getBalance, setAccountCaps, listLedger, type Balance, type LedgerRow } from "./balance";
export { findDrift, type Drift } from "./reconcile";
export { spendPeriods } from "./periods";
