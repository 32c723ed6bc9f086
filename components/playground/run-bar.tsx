"use client";

import { Play } from "lucide-react";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { formatUsd } from "@/lib/catalog/pricing";

/**
 * The estimated cost, the balance and the Run button, stuck to the bottom of the viewport so the
 * button stays reachable on a phone below a long stack of panes.
 */
export function RunBar({
  totalMicros,
  balanceMicros,
  isTest,
  isShort,
  canRun,
  isCreating,
  paneCount,
  onRun,
}: {
  totalMicros: number;
  balanceMicros: number | null;
  isTest: boolean;
  isShort: boolean;
  canRun: boolean;
  isCreating: boolean;
  paneCount: number;
  onRun: () => void;
}) {
  return (
    <div className="sticky bottom-0 z-30 -mx-4 border-t bg-background/95 px-4 py-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-end gap-x-6 gap-y-2">
        <dl className="mr-auto flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1.5">
            <dt id="estimated-cost-label" className="text-muted-foreground">
              Estimated cost
            </dt>
            <dd>
              <output aria-labelledby="estimated-cost-label" data-testid="estimated-cost" className="font-semibold tabular-nums">
                {isTest ? "free (test mode)" : formatUsd(totalMicros)}
              </output>
              <span className="text-muted-foreground"> for {paneCount} panes</span>
            </dd>
          </div>
          {balanceMicros !== null && (
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Balance</dt>
              <dd data-testid="playground-balance" className="font-semibold tabular-nums">
                {formatUsd(balanceMicros)}
              </dd>
            </div>
          )}
        </dl>
        {isShort && balanceMicros !== null ? (
          <p role="alert" className="text-sm">
            Not enough credit: this run costs {formatUsd(totalMicros)}, you have {formatUsd(balanceMicros)}.{" "}
            <Link href="/dashboard/billing" className={buttonVariants({ size: "sm", className: "ml-2" })}>
              Top up
            </Link>
          </p>
        ) : (
          <Button size="lg" aria-keyshortcuts="Control+Enter" aria-busy={isCreating || undefined} disabled={!canRun} onClick={onRun}>
            <Play aria-hidden />
            Run
          </Button>
        )}
      </div>
    </div>
  );
}
