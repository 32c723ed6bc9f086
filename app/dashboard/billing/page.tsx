import type { Metadata } from "next";
import Link from "next/link";
import { AutoRechargeForm, NotifyBelowForm } from "@/components/dashboard/auto-recharge-form";
import { BalanceCard } from "@/components/dashboard/balance-card";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { LedgerTable } from "@/components/dashboard/ledger-table";
import { TierPanel } from "@/components/dashboard/tier-panel";
import { TopUpForm } from "@/components/dashboard/top-up-form";
import { topUpFeePercent } from "@/lib/billing/pricing-model";
import { TopUpsNotConfigured } from "@/components/dashboard/top-ups-not-configured";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { Card } from "@/components/ui/card";
import { getAccountBalance, getAccountLedger, requireUser } from "@/lib/auth";
import { tierPanelProps } from "@/lib/billing/tier-status";
import { env } from "@/lib/env";
import { mailAvailable } from "@/lib/mail";
import { getAutoRechargeSettings, isStripeConfigured, topUpReferenceModels } from "@/lib/payments";
import { TOPUP_PRESETS_USD } from "@/lib/payments/amounts";
import { saveAutoRechargeAction, saveNotifyBelowAction, startTopUpAction } from "./actions";

export const metadata: Metadata = { title: "Billing" };

const LEDGER_ROWS = 100;

export default async function BillingPage() {
  const user = await requireUser();
  const isConfigured = isStripeConfigured();
  const [balance, ledger, models, baseUrl, autoRecharge] = await Promise.all([
    getAccountBalance(user),
    getAccountLedger(user, { limit: LEDGER_ROWS }),
    isConfigured ? topUpReferenceModels() : [],
    requestBaseUrl(),
    getAutoRechargeSettings(user.accountId),
  ]);

  return (
    <>
      <PageHeader title="Billing" description="Your prepaid balance and every change to it." />
      <div className="grid items-start gap-4 md:grid-cols-3">
        <BalanceCard availableMicros={balance.availableMicros} reservedMicros={balance.reservedMicros} />
        <div className="md:col-span-2">
          {isConfigured ? (
            <Card className="space-y-3 p-5">
              <h2 className="font-medium">Top up</h2>
              <TopUpForm
                startTopUp={startTopUpAction}
                presetsUsd={TOPUP_PRESETS_USD}
                minUsd={env.TOPUP_MIN_USD}
                maxUsd={env.TOPUP_MAX_USD}
                models={models}
                feePercent={topUpFeePercent()}
              />
            </Card>
          ) : (
            <TopUpsNotConfigured webhookUrl={`${baseUrl}/api/stripe/webhook`} />
          )}
        </div>
      </div>
      <div className="grid items-start gap-4 md:grid-cols-3">
        <Card className="space-y-3 p-5">
          <h2 className="font-medium">Low-balance notice</h2>
          <NotifyBelowForm save={saveNotifyBelowAction} notifyBelowMicros={autoRecharge.notifyBelowMicros} mailAvailable={mailAvailable} />
        </Card>
        {isConfigured && (
          <Card className="space-y-3 p-5 md:col-span-2">
            <h2 className="font-medium">Auto-recharge</h2>
            <AutoRechargeForm save={saveAutoRechargeAction} settings={autoRecharge} minUsd={env.TOPUP_MIN_USD} />
          </Card>
        )}
      </div>
      <TierPanel {...await tierPanelProps(user.accountId)} />
      <section aria-labelledby="ledger-title" className="space-y-3">
        <div className="space-y-1">
          <h2 id="ledger-title" className="text-lg font-semibold">
            Transactions
          </h2>
          <p className="text-sm text-muted-foreground">
            The latest {LEDGER_ROWS}, newest first. A job sets its price aside when it starts; it is charged when an
            image comes back and released if the job fails.{" "}
            <Link href="/dashboard/billing/transactions" className="text-primary underline underline-offset-4">
              All transactions, with filters and CSV export
            </Link>
          </p>
        </div>
        <LedgerTable rows={ledger} />
      </section>
    </>
  );
}
