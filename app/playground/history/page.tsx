import { Crown, History, SearchX, Share2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { getCurrentUser } from "@/lib/auth";
import { formatUsd } from "@/lib/catalog/pricing";
import { listRuns } from "@/lib/playground";
import { historyQuerySchema, type HistoryQuery, type RunSummary } from "@/lib/playground/contract";
import { historyVariants } from "@/lib/playground/history-variants";

export const metadata: Metadata = { title: "Playground history", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const PROMPT_PREVIEW = 160;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The URL of this page with `query`, minus empty fields. */
function historyHref(query: HistoryQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return params.size > 0 ? `/playground/history?${params}` : "/playground/history";
}

function RunRow({ run }: { run: RunSummary }) {
  // A blind run keeps its secret here too until it has a winner.
  const hidden = run.blind && run.winnerPaneId === null;
  const winner = run.panes.find((p) => p.id === run.winnerPaneId);
  return (
    <li className="flex flex-col gap-4 rounded-xl border bg-card p-4 sm:flex-row sm:items-center">
      <ul className="flex shrink-0 gap-2" aria-label="Panes">
        {run.panes.map((pane, i) => {
          const name = hidden ? `Pane ${i + 1}` : pane.displayName;
          const isWinner = pane.id === run.winnerPaneId;
          return (
            <li key={pane.id} className="relative">
              {pane.thumbnailUrl ? (
                // Our own 256 px WebP thumbnails: next/image would only re-encode them.
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={pane.thumbnailUrl}
                  alt={isWinner ? `${name} (winner)` : name}
                  width={64}
                  height={64}
                  loading="lazy"
                  className={`size-16 rounded-md border object-cover ${isWinner ? "ring-2 ring-success ring-offset-2 ring-offset-card" : ""}`}
                />
              ) : (
                <span className="flex size-16 items-center justify-center rounded-md border border-dashed bg-muted px-1 text-center text-[11px] leading-tight text-muted-foreground">
                  {pane.state === "fail" ? "failed" : pane.state === "cancelled" ? "cancelled" : pane.state === "success" ? "no image" : "running"}
                  <span className="sr-only">: {name}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="font-medium break-words" title={run.prompt.length > PROMPT_PREVIEW ? run.prompt : undefined}>
          {truncate(run.prompt, PROMPT_PREVIEW)}
        </p>
        <p className="text-sm text-muted-foreground">
          {hidden ? `Blind comparison of ${run.panes.length} models, no winner yet` : run.panes.map((p) => p.label ? `${p.displayName} (${p.label})` : p.displayName).join(" vs ")}
        </p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <time dateTime={run.createdAt} className="text-muted-foreground">
            {dateFormat.format(new Date(run.createdAt))} UTC
          </time>
          <Badge tone={run.mode === "live" ? "accent" : "neutral"}>{run.mode === "live" ? "Live" : "Test"}</Badge>
          <span className="tabular-nums">{run.totalCostMicros === 0 ? "Free" : formatUsd(run.totalCostMicros)}</span>
          {winner && (
            <Badge tone="success">
              <Crown aria-hidden className="size-3" />
              Winner: {winner.label ? `${winner.displayName} (${winner.label})` : winner.displayName}
            </Badge>
          )}
          {run.shared && (
            <Badge>
              <Share2 aria-hidden className="size-3" />
              Shared
            </Badge>
          )}
        </div>
      </div>
      <Link href={`/playground?run=${encodeURIComponent(run.id)}`} className={buttonVariants({ variant: "outline", size: "sm", className: "self-start sm:self-center" })}>
        Reopen<span className="sr-only">: {truncate(run.prompt, 60)}</span>
      </Link>
    </li>
  );
}

export default async function PlaygroundHistoryPage({ searchParams }: Props) {
  const query = historyQuerySchema.parse(await searchParams);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: historyHref(query) })}`);

  const baseUrl = await requestBaseUrl();
  const [page, variants] = await Promise.all([listRuns(user, query, baseUrl), historyVariants(user)]);
  const isFiltered = Boolean(query.q || query.variant || query.winner);
  const isEmpty = page.runs.length === 0;

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Playground history</h1>
          <p className="text-sm text-muted-foreground">Every comparison you ran, newest first. Reopen one to run it again with the same settings.</p>
        </div>
        <Link href="/playground" className={buttonVariants({ variant: "outline" })}>
          Back to the playground
        </Link>
      </div>

      {(variants.length > 0 || isFiltered) && (
        <form method="get" action="/playground/history" role="search" aria-label="Filter runs" className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
          <div className="space-y-1.5">
            <Label htmlFor="history-q">Search prompts</Label>
            <Input id="history-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="lighthouse, watercolor…" maxLength={200} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="history-variant">Model</Label>
            <Select id="history-variant" name="variant" defaultValue={query.variant ?? ""}>
              <option value="">Any model</option>
              {variants.map((v) => (
                <option key={v.slug} value={v.slug}>
                  {v.displayName}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="history-winner">Winner</Label>
            <Select id="history-winner" name="winner" defaultValue={query.winner ?? ""}>
              <option value="">With or without a winner</option>
              <option value="any">Any winner</option>
              {variants.map((v) => (
                <option key={v.slug} value={v.slug}>
                  Won by {v.displayName}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex gap-2">
            <Button type="submit">Filter</Button>
            {isFiltered && (
              <Link href="/playground/history" className={buttonVariants({ variant: "ghost" })}>
                Clear
              </Link>
            )}
          </div>
        </form>
      )}

      {isEmpty ? (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-14 text-center">
          {isFiltered || query.cursor ? <SearchX aria-hidden className="size-8 text-muted-foreground" /> : <History aria-hidden className="size-8 text-muted-foreground" />}
          <h2 className="text-lg font-semibold">
            {isFiltered ? "No runs match these filters" : query.cursor ? "No older runs" : "No runs yet"}
          </h2>
          <p className="max-w-md text-sm text-muted-foreground">
            {isFiltered
              ? "Try another word from the prompt, or another model."
              : query.cursor
                ? "That was the oldest run."
                : "Compare models side by side in the playground; every run you make is kept here."}
          </p>
          {isFiltered || query.cursor ? (
            <Link href="/playground/history" className={buttonVariants({ variant: "outline" })}>
              {isFiltered ? "Clear filters" : "Newest runs"}
            </Link>
          ) : (
            <Link href="/playground" className={buttonVariants()}>
              Open the playground
            </Link>
          )}
        </div>
      ) : (
        <>
          <p role="status" className="sr-only">
            {page.runs.length === 1 ? "1 run" : `${page.runs.length} runs`} shown
          </p>
          <ol className="space-y-3" aria-label="Runs">
            {page.runs.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </ol>
        </>
      )}

      {(page.nextCursor || query.cursor) && (
        <nav aria-label="More runs" className="flex justify-between gap-3">
          {query.cursor ? (
            <Link href={historyHref({ ...query, cursor: undefined })} className={buttonVariants({ variant: "ghost" })}>
              Newest runs
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={historyHref({ ...query, cursor: page.nextCursor })} className={buttonVariants({ variant: "outline" })}>
              Older runs
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
