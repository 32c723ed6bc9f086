import { ArrowRight, Gauge, KeyRound, LayoutGrid } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BalanceCard } from "@/components/dashboard/balance-card";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { SpendMeters } from "@/components/dashboard/spend-meter";
import { GrantNotice } from "@/components/dashboard/grant-notice";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { Card } from "@/components/ui/card";
import { FirstCallGuide } from "@/components/usage/first-call-guide";
import { RecentTasks } from "@/components/usage/recent-tasks";
import { SpendSparkline } from "@/components/usage/spend-sparkline";
import { getAccountBalance, pendingGrant, requireUser } from "@/lib/auth";
import { formatUsd } from "@/lib/catalog/pricing";
import { signupGrantMicros } from "@/lib/env";
import { recentTasks, spendSparkline } from "@/lib/usage";
import { resendVerification } from "./actions";

export const metadata: Metadata = { title: "Overview" };

const shortcuts = [
  { href: "/dashboard/keys", icon: KeyRound, title: "Create an API key", body: "Issue a key to call any model from your code." },
  { href: "/models", icon: LayoutGrid, title: "Browse models", body: "Compare prices and parameters across the catalog." },
  { href: "/dashboard/settings", icon: Gauge, title: "Set spend caps", body: "Limit what can be spent per day and per month." },
];

export default async function OverviewPage() {
  const user = await requireUser();
  const [{ availableMicros, reservedMicros, caps, spent }, grant, sparkline, tasks, baseUrl] = await Promise.all([
    getAccountBalance(user),
    pendingGrant(user),
    spendSparkline(user.accountId),
    recentTasks(user.accountId, 5),
    requestBaseUrl(),
  ]);

  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${user.email}.`} />
      {grant && <GrantNotice kind={grant} amount={formatUsd(signupGrantMicros)} email={user.email} resend={resendVerification} />}
      <div className="grid gap-4 md:grid-cols-3">
        <BalanceCard availableMicros={availableMicros} reservedMicros={reservedMicros} />
        <SpendMeters spent={spent} caps={caps} />
      </div>
      {tasks.length ? (
        <>
          <Card className="p-5">
            <SpendSparkline points={sparkline} />
          </Card>
          <section aria-labelledby="recent-tasks-title" className="space-y-3">
            <div className="flex items-baseline justify-between gap-3">
              <h2 id="recent-tasks-title" className="text-lg font-semibold">
                Latest tasks
              </h2>
              <Link href="/dashboard/usage" className="text-sm font-medium text-primary hover:underline">
                See usage
              </Link>
            </div>
            <RecentTasks tasks={tasks} />
          </section>
        </>
      ) : (
        <FirstCallGuide baseUrl={baseUrl} />
      )}
      <section aria-labelledby="shortcuts-title" className="space-y-3">
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          Shortcuts
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {shortcuts.map(({ href, icon: Icon, title, body }) => (
            <li key={href}>
              <Link
                href={href}
                className="group flex h-full flex-col gap-2 rounded-xl border bg-card p-4 transition-colors hover:border-primary/40 hover:bg-accent/40"
              >
                <Icon aria-hidden className="size-5 text-primary" />
                <span className="flex items-center gap-1 font-medium">
                  {title}
                  <ArrowRight aria-hidden className="size-4 transition-transform group-hover:translate-x-0.5" />
                </span>
                <span className="text-sm text-muted-foreground">{body}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
