import type { Metadata } from "next";
import { AlertTriangle, CheckCircle2, CircleDashed } from "lucide-react";
import Link from "next/link";
import { FiguresAgeNote } from "@/components/catalog/figures-age";
import { formatRuns, formatSuccessRate } from "@/components/catalog/figures-labels";
import { StatusBadge } from "@/components/catalog/status-badge";
import { Card } from "@/components/ui/card";
import { DEGRADED_FAILURE_RATE, loadSiteStatus, MIN_RUNS_FOR_RATE, type FamilyHealth, type ProviderHealth } from "@/lib/status";
import { formatLatency } from "@/lib/utils/duration";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = {
  title: "Status",
  description: "Each provider's and model's health over the last 7 days, from Lumigate's live figures.",
};

const overallStyles = {
  operational: { Icon: CheckCircle2, className: "border-success/40 bg-success/10", icon: "text-success" },
  degraded: { Icon: AlertTriangle, className: "border-warning/50 bg-warning/10", icon: "text-warning" },
  no_runs: { Icon: CircleDashed, className: "bg-muted", icon: "text-muted-foreground" },
} as const;

function Figures({ requests, successes }: { requests: number; successes: number }) {
  if (requests === 0) return <span className="text-muted-foreground">No runs in 7 days</span>;
  return (
    <span>
      <span className="font-medium tabular-nums">{formatSuccessRate(successes, requests)}</span>
      <span className="text-muted-foreground"> succeeded · {formatRuns(requests)}</span>
    </span>
  );
}

function FamilySection({ family }: { family: FamilyHealth }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-medium">{family.name}</h3>
        <p className="text-sm">
          <Figures requests={family.requests} successes={family.successes} />
        </p>
      </div>
      <ul className="divide-y rounded-lg border">
        {family.variants.map((v) => (
          <li key={v.slug} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[minmax(0,1fr)_auto_9rem_7rem] sm:items-center sm:gap-4">
            <Link href={`/models/${v.slug}`} className="min-w-0 truncate rounded-sm font-medium hover:underline">
              {v.name}
            </Link>
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:contents">
              <StatusBadge status={v.serving} />
              <span className="tabular-nums">
                {v.requests === 0 ? (
                  <span className="text-muted-foreground">No runs</span>
                ) : (
                  <>
                    {formatSuccessRate(v.successes, v.requests)} <span className="text-muted-foreground">of {formatRuns(v.requests)}</span>
                  </>
                )}
              </span>
              <span className="tabular-nums">
                <span className="text-muted-foreground">p50 </span>
                {formatLatency(v.medianLatencyMs)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProviderCard({ provider }: { provider: ProviderHealth }) {
  return (
    <Card className="space-y-4 p-4 sm:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-lg font-semibold">{provider.name}</h2>
        <p className="text-sm">
          <Figures requests={provider.requests} successes={provider.successes} />
        </p>
      </div>
      {provider.families.map((family) => (
        <FamilySection key={family.slug} family={family} />
      ))}
    </Card>
  );
}

export default async function StatusPage() {
  const now = new Date();
  const status = await loadSiteStatus(now);
  const look = overallStyles[status.overall.level];

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">Status</h1>
        <p className="max-w-2xl text-muted-foreground">
          Success rates and median times (p50, from submission to the finished image) over the last 7 days, across every
          account. The badges reflect the last 15 minutes of calls to each model&apos;s upstreams.
        </p>
      </div>

      <div role="status" className={cn("flex items-start gap-3 rounded-xl border p-4", look.className)} data-testid="overall-status" data-level={status.overall.level}>
        <look.Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", look.icon)} />
        <div className="space-y-1">
          <p className="font-semibold">{status.overall.headline}</p>
          <FiguresAgeNote computedAt={status.figureDates} now={now} />
          {status.isAllSimulated && (
            <p className="text-sm text-muted-foreground">
              Every run counted here was served by the built-in simulator, not a real provider: the figures show this
              instance working, not the providers&apos; health.
            </p>
          )}
          <p className="text-sm text-muted-foreground">
            A provider counts as degraded when more than {DEGRADED_FAILURE_RATE * 100}% of its tasks failed over at least {MIN_RUNS_FOR_RATE} runs, or
            when its upstreams refuse most recent calls.
          </p>
        </div>
      </div>

      {status.providers.length === 0 ? (
        <Card className="p-5 text-muted-foreground">The catalog lists no models yet, so there is nothing to report.</Card>
      ) : (
        status.providers.map((provider) => <ProviderCard key={provider.slug} provider={provider} />)
      )}
    </div>
  );
}
