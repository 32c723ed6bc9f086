import { Info } from "lucide-react";
import type { Metadata } from "next";
import { BalanceCard } from "@/components/dashboard/balance-card";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { LedgerTable } from "@/components/dashboard/ledger-table";
import { getAccountBalance, getAccountLedger, requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Billing" };

const LEDGER_ROWS = 100;

export default async function BillingPage() {
  const user = await requireUser();
  const [balance, ledger] = await Promise.all([getAccountBalance(user), getAccountLedger(user, { limit: LEDGER_ROWS })]);

  return (
    <>
      <PageHeader title="Billing" description="Your prepaid balance and every change to it." />
      <div className="grid gap-4 md:grid-cols-2">
        <BalanceCard availableMicros={balance.availableMicros} reservedMicros={balance.reservedMicros} />
        <div className="flex gap-3 rounded-xl border border-dashed p-5 text-sm">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          <div className="space-y-1">
            <h2 className="font-medium">Top-ups</h2>
            <p className="text-muted-foreground">
              Card top-ups (Stripe) are not available on this instance yet. To add credit, ask the operator of this
              instance; it shows up below as a grant or an adjustment.
            </p>
          </div>
        </div>
      </div>
      <section aria-labelledby="ledger-title" className="space-y-3">
        <div className="space-y-1">
          <h2 id="ledger-title" className="text-lg font-semibold">
            Transactions
          </h2>
          <p className="text-sm text-muted-foreground">
            The latest {LEDGER_ROWS}, newest first. A job sets its price aside when it starts; it is charged when an
            image comes back and released if the job fails.
          </p>
        </div>
        <LedgerTable rows={ledger} />
      </section>
    </>
  );
}
