export { openWallet, creditIn, debitOnce, grantCredits, adjustBalance, type CreditInput, type DebitInput } from "./wallet";
export { reserve, reserveHold, type ReserveInput } from "./reserve";
export { capture, captureHold, release, releaseHold } from "./settle";
export { getBalance, setAccountCaps, listLedger, type Balance, type LedgerRow } from "./balance";
export { findDrift, type Drift } from "./reconcile";
export {
  listTransactions,
  parseTransactionQuery,
  transactionCsvStream,
  transactionSearch,
  type TransactionFilters,
  type TransactionPage,
  type TransactionQuery,
  type TransactionRow,
} from "./transactions";
export { spendPeriods } from "./periods";
export { billingRefusal } from "./sql-errors";
