import { Crown, EyeOff } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PaneResult, paneTitle } from "@/components/playground/pane-result";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { getSharedRun } from "@/lib/playground";
import type { RunView } from "@/lib/playground/contract";
import { cn } from "@/lib/utils/cn";

type Props = { params: Promise<{ shareId: string }> };

/** Share ids are `shr_` + 20 characters; a longer path segment is not one. */
const MAX_SHARE_ID_LENGTH = 64;
const HEADING_LENGTH = 80;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

// generateMetadata and the page read the same run: one query per request.
const loadSharedRun = cache(async (shareId: string): Promise<{ run: RunView; baseUrl: string }> => {
  const baseUrl = await requestBaseUrl();
  const run = shareId.length <= MAX_SHARE_ID_LENGTH ? await getSharedRun(shareId, baseUrl) : null;
  if (!run) notFound();
  return { run, baseUrl };
});

const orderedPanes = (run: RunView) => [...run.panes].sort((a, b) => a.position - b.position);

function summary(run: RunView): string {
  const panes = orderedPanes(run);
  if (run.hidden) return `A blind comparison of ${panes.length} image models on Lumigate: which one would you pick?`;
  return `${panes.map(paneTitle).join(" vs ")}, side by side on Lumigate.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { shareId } = await params;
  const { run, baseUrl } = await loadSharedRun(shareId);
  const title = truncate(run.prompt, 70);
  const description = summary(run);
  const image = { url: `${baseUrl}/p/${encodeURIComponent(shareId)}/preview.png`, width: 1200, height: 630, alt: `The images of: ${title}` };
  return {
    title,
    description,
    robots: { index: false },
    openGraph: { type: "website", title, description, url: `${baseUrl}/p/${encodeURIComponent(shareId)}`, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

function Setting({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

const gridFor = (count: number) => (count === 4 ? "md:grid-cols-2 xl:grid-cols-4" : count === 3 ? "md:grid-cols-2 xl:grid-cols-3" : "md:grid-cols-2");

export default async function SharedRunPage({ params }: Props) {
  const { shareId } = await params;
  const { run } = await loadSharedRun(shareId);
  const panes = orderedPanes(run);
  const winner = panes.find((p) => p.id === run.winnerPaneId);

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <header className="space-y-3">
        <p className="text-sm font-medium text-muted-foreground">Shared playground run</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{truncate(run.prompt, HEADING_LENGTH)}</h1>
        {run.prompt.length > HEADING_LENGTH && (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">Full prompt</summary>
            <p className="mt-2 whitespace-pre-wrap break-words">{run.prompt}</p>
          </details>
        )}
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <Setting term="Seed" value={run.settings.seed === null ? "Random per pane" : String(run.settings.seed)} />
          <Setting term="Aspect ratio" value={run.settings.aspectRatio || "Model default"} />
          <div>
            <dt className="text-xs text-muted-foreground">Mode</dt>
            <dd>
              <Badge tone={run.settings.mode === "live" ? "accent" : "neutral"}>
                {run.settings.mode === "live" ? "Live models" : "Test (simulator)"}
              </Badge>
            </dd>
          </div>
          {run.settings.imageUrls.length > 0 && <Setting term="Reference images" value={String(run.settings.imageUrls.length)} />}
        </dl>
      </header>

      {run.hidden && (
        <p className="flex items-start gap-2 rounded-xl border bg-muted/50 p-4 text-sm">
          <EyeOff aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          A blind comparison: which model made which image stays hidden until its owner picks a winner.
        </p>
      )}
      {!run.done && <p className="text-sm text-muted-foreground">Some panes are still running; reload the page to see them finish.</p>}

      <div className={cn("grid gap-4", gridFor(panes.length))}>
        {panes.map((pane, i) => {
          const isWinner = pane.id === run.winnerPaneId;
          return (
            <section
              key={pane.id}
              aria-label={`Pane ${i + 1}`}
              className={cn("rounded-xl border bg-card p-4", isWinner && "border-success ring-2 ring-success/40")}
            >
              {isWinner && (
                <Badge tone="success" className="mb-3">
                  <Crown aria-hidden className="size-3" />
                  Winner
                </Badge>
              )}
              <PaneResult pane={pane} />
            </section>
          );
        })}
      </div>

      {(winner || run.note) && (
        <section aria-label="Verdict" className="space-y-2 rounded-xl border bg-card p-4">
          {winner && (
            <p className="text-sm">
              <span className="text-muted-foreground">Winner: </span>
              <span className="font-medium">{winner.label ? `${paneTitle(winner)} (${winner.label})` : paneTitle(winner)}</span>
            </p>
          )}
          {run.note && (
            <blockquote className="border-l-2 pl-3 text-sm whitespace-pre-wrap break-words">{run.note}</blockquote>
          )}
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed p-5">
        <p className="flex-1 text-sm text-muted-foreground">
          Compare image models on your own prompt: quality, speed and price side by side, free in test mode.
        </p>
        <Link href="/playground" className={buttonVariants()}>
          Try this in the playground
        </Link>
      </div>
    </div>
  );
}
