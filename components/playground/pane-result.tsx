import type { ReactNode } from "react";
import { AlertTriangle, Ban, Clock, Loader2 } from "lucide-react";
import { formatUsd } from "@/lib/catalog/pricing";
import { formatDuration } from "@/lib/utils/duration";
import type { PaneView } from "@/lib/playground/contract";
import { cn } from "@/lib/utils/cn";

/** What the pane is called where people see it: the blind letter until the vote reveals the variant. */
export function paneTitle(pane: PaneView): string {
  return pane.variant ? pane.variant.displayName : `Variant ${pane.blindName}`;
}

const stateNames: Record<PaneView["state"], string> = {
  waiting: "Waiting",
  queuing: "Queued",
  generating: "Generating",
  success: "Done",
  fail: "Failed",
  cancelled: "Cancelled",
};

function elapsedMs(pane: PaneView, now: number): number {
  return Math.max(0, now - Date.parse(pane.startedAt ?? pane.createdAt));
}

function Placeholder({ pane, children }: { pane: PaneView; children: ReactNode }) {
  return (
    <div
      className="flex w-full flex-col items-center justify-center gap-3 rounded-lg border border-dashed bg-muted/50 p-4 text-center text-sm text-muted-foreground"
      style={{ aspectRatio: `${pane.width} / ${pane.height}` }}
    >
      {children}
    </div>
  );
}

function Outcome({ pane, now }: { pane: PaneView; now: number | undefined }) {
  switch (pane.state) {
    case "waiting":
      return (
        <Placeholder pane={pane}>
          <Clock aria-hidden className="size-6" />
          <p>Waiting to start</p>
        </Placeholder>
      );
    case "queuing":
      return (
        <Placeholder pane={pane}>
          <Clock aria-hidden className="size-6" />
          <p>{pane.queuePosition !== null ? `Queued: position ${pane.queuePosition}` : "Queued"}</p>
          {now !== undefined && <p className="tabular-nums">{formatDuration(elapsedMs(pane, now))} so far</p>}
        </Placeholder>
      );
    case "generating":
      return (
        <Placeholder pane={pane}>
          <Loader2 aria-hidden className="size-6 animate-spin motion-reduce:animate-none" />
          <p>Generating</p>
          <div
            role="progressbar"
            aria-label={`Progress of ${paneTitle(pane)}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pane.progress}
            className="h-2 w-3/4 overflow-hidden rounded-full bg-border"
          >
            <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${pane.progress}%` }} />
          </div>
          <p className="tabular-nums">
            {pane.progress}%{now !== undefined && ` · ${formatDuration(elapsedMs(pane, now))}`}
          </p>
        </Placeholder>
      );
    case "success": {
      const image = pane.images[0];
      if (!image) {
        return (
          <Placeholder pane={pane}>
            <p>Finished, but no image was stored.</p>
          </Placeholder>
        );
      }
      return (
        <a
          href={image.url}
          target="_blank"
          rel="noopener noreferrer"
          className="block overflow-hidden rounded-lg border bg-muted"
          style={{ aspectRatio: `${image.width} / ${image.height}` }}
        >
          {/* Media URLs are this instance's own signed files at their real size: next/image would re-encode them. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={image.url}
            alt={`Result of ${paneTitle(pane)}, ${image.width}×${image.height}`}
            width={image.width}
            height={image.height}
            className="size-full object-contain"
          />
          <span className="sr-only"> (opens the original in a new tab)</span>
        </a>
      );
    }
    case "fail":
      return (
        <Placeholder pane={pane}>
          <AlertTriangle aria-hidden className="size-6 text-danger" />
          <p className="font-medium text-foreground">This pane failed</p>
          <p role="alert" className="text-foreground">
            {pane.error?.message ?? "The generation failed without a reason."}
          </p>
          {pane.error?.code && <p className="font-mono text-xs">{pane.error.code}</p>}
        </Placeholder>
      );
    case "cancelled":
      return (
        <Placeholder pane={pane}>
          <Ban aria-hidden className="size-6" />
          <p>Cancelled before it started; nothing was charged.</p>
        </Placeholder>
      );
  }
}

function Facts({ pane }: { pane: PaneView }) {
  const facts: [string, string][] = [];
  if (pane.latencyMs !== null) facts.push(["Latency", formatDuration(pane.latencyMs)]);
  if (pane.costMicros !== null && (pane.state === "success" || pane.state === "fail" || pane.state === "cancelled")) {
    // A delivered image costs nothing only in test mode; a failed or cancelled pane is never charged.
    const cost = pane.state !== "success" ? "Not charged" : pane.costMicros === 0 ? "Free (test mode)" : formatUsd(pane.costMicros);
    facts.push(["Cost", cost]);
  }
  if (pane.seed !== null) facts.push(["Seed", String(pane.seed)]);
  const image = pane.images[0];
  facts.push(["Size", `${image?.width ?? pane.width}×${image?.height ?? pane.height}`]);
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
      {facts.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{term}</dt>
          <dd data-testid={`pane-${term.toLowerCase()}`} className="truncate font-medium tabular-nums">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One pane's outcome in any state, read-only: the run page wraps it with actions, the share page
 * shows it as is. Elapsed time shows only when `now` is given (the caller's ticking clock). The
 * box keeps the pane's aspect ratio in every state, so nothing jumps when the image arrives.
 */
export function PaneResult({ pane, now, className }: { pane: PaneView; now?: number; className?: string }) {
  return (
    <div className={cn("space-y-3", className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 className="text-base font-semibold">{paneTitle(pane)}</h3>
        <p className="flex gap-2 text-sm text-muted-foreground">
          {pane.label && <span>{pane.label}</span>}
          <span data-testid="pane-state" className="font-medium text-foreground">
            {stateNames[pane.state]}
          </span>
        </p>
      </div>
      <div aria-live="polite">
        <Outcome pane={pane} now={now} />
      </div>
      <Facts pane={pane} />
      {pane.notes.length > 0 && (
        <ul className="space-y-1 text-xs text-muted-foreground">
          {pane.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
