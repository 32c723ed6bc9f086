import "server-only";
import {
  getBalance,
  listLedger,
  listTransactions,
  setAccountCaps,
  transactionCsvStream,
  type Balance,
  type LedgerRow,
  type TransactionFilters,
  type TransactionPage,
  type TransactionQuery,
} from "@/lib/billing";
import { cache } from "react";
import type { SessionUser } from "./session-user";

// Dashboard reads and writes take the session's user and act on the account the session holds:
// no account id ever comes from the browser.

// The dashboard shell and the page below it both show the balance: one query per request.
const balanceOf = cache((accountId: string) => getBalance(accountId));

export function getAccountBalance(user: SessionUser): Promise<Balance> {
  return balanceOf(user.accountId);
}

export function getAccountLedger(user: SessionUser, { limit }: { limit: number }): Promise<LedgerRow[]> {
  return listLedger(user.accountId, { limit });
}

export function getAccountTransactions(user: SessionUser, query: TransactionQuery & { limit: number }): Promise<TransactionPage> {
  return listTransactions(user.accountId, query);
}

export function exportAccountTransactions(user: SessionUser, filters: TransactionFilters): ReadableStream<Uint8Array> {
  return transactionCsvStream(user.accountId, filters);
}

export function updateSpendCaps(
  user: SessionUser,
  caps: { dailyMicros: number | null; monthlyMicros: number | null },
): Promise<void> {
  return setAccountCaps(user.accountId, caps);
}
