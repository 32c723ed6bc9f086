import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BalanceCard } from "@/components/dashboard/balance-card";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { LedgerTable } from "@/components/dashboard/ledger-table";
import { TransactionFiltersForm } from "@/components/dashboard/transaction-filters";
import { buttonVariants } from "@/components/ui/button";
import { getAccountBalance, getAccountTransactions, requireUser } from "@/lib/auth";
import { parseTransactionQuery, transactionSearch } from "@/lib/billing";

export const metadata: Metadata = { title: "Transactions" };

const PAGE_ROWS = 50;
const basePath = "/dashboard/billing/transactions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = parseTransactionQuery(await searchParams);
  const [balance, page] = await Promise.all([
    getAccountBalance(user),
    getAccountTransactions(user, { ...query, limit: PAGE_ROWS }),
  ]);
  const { filters } = query;
  const isFiltered = Boolean(filters.kind || filters.from || filters.to);

  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every change to your balance, newest first, with the balance available after each. Times are UTC."
        actions={
          <Link href="/dashboard/billing" className={buttonVariants({ variant: "ghost", size: "sm" })}>
            <ArrowLeft aria-hidden />
            Billing
          </Link>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <BalanceCard availableMicros={balance.availableMicros} reservedMicros={balance.reservedMicros} />
      </div>
      <section aria-labelledby="transactions-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="transactions-title" className="text-lg font-semibold">
            {isFiltered ? "Matching transactions" : "All transactions"}
          </h2>
          <a href={`${basePath}/export${transactionSearch(filters)}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
            <Download aria-hidden />
            Export CSV
          </a>
        </div>
        <TransactionFiltersForm action={basePath} filters={filters} clearHref={isFiltered ? basePath : null} />
        <LedgerTable
          rows={page.rows}
          empty={
            isFiltered ? (
              <>
                No transactions match these filters.{" "}
                <Link href={basePath} className="text-primary underline underline-offset-4">
                  Show all transactions
                </Link>
              </>
            ) : (
              "No transactions yet. Credit grants, top-ups and every job's charge will appear here."
            )
          }
        />
        {(query.cursor || page.nextCursor) && (
          <nav aria-label="Pages" className="flex justify-between gap-3">
            {query.cursor ? (
              <Link href={`${basePath}${transactionSearch(filters)}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Link
                href={`${basePath}${transactionSearch(filters, page.nextCursor)}`}
                className={buttonVariants({ variant: "outline", size: "sm" })}
              >
                Older
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
