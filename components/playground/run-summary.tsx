"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatUsd } from "@/lib/catalog/pricing";
import { MAX_NOTE_LENGTH, type RunView } from "@/lib/playground/contract";

/** After a run: what it cost, the note for the vote, Compare and Share. */
export function RunSummary({
  run,
  isSignedIn,
  isBusy,
  onNote,
  onCompare,
  onShare,
  onUnshare,
}: {
  run: RunView;
  isSignedIn: boolean;
  isBusy: boolean;
  onNote: (note: string) => void;
  onCompare: () => void;
  onShare: () => void;
  onUnshare: () => void;
}) {
  const [note, setNote] = useState(run.note);
  const sent = useRef(run.note);
  const succeeded = run.panes.filter((p) => p.state === "success").length;

  useEffect(() => {
    if (note === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = note;
      onNote(note);
    }, 800);
    return () => clearTimeout(timer);
  }, [note, onNote]);

  const flush = () => {
    if (note === sent.current) return;
    sent.current = note;
    onNote(note);
  };

  return (
    <section aria-label="Run summary" className="space-y-4 rounded-xl border bg-card p-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <p>
          <span className="text-muted-foreground">{run.done ? "Total charged" : "Charged so far"}: </span>
          <span className="font-semibold tabular-nums">{formatUsd(run.totalCostMicros)}</span>
          {run.settings.mode === "test" && <span className="text-muted-foreground"> (test mode: free)</span>}
        </p>
        {run.balanceMicros !== null && (
          <p>
            <span className="text-muted-foreground">Balance now: </span>
            <span className="font-semibold tabular-nums">{formatUsd(run.balanceMicros)}</span>
          </p>
        )}
        {run.hidden && <p className="text-muted-foreground">Pick a winner to reveal the models.</p>}
        <div className="ml-auto flex flex-wrap gap-2">
          {succeeded >= 2 && (
            <Button variant="outline" size="sm" onClick={onCompare}>
              Compare
            </Button>
          )}
          {isSignedIn && !run.shareUrl && (
            <Button variant="outline" size="sm" disabled={isBusy} onClick={onShare}>
              Share
            </Button>
          )}
        </div>
      </div>
      {run.shareUrl && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Public link:</span>
          <code data-testid="share-url" className="min-w-0 truncate rounded bg-muted px-2 py-1 font-mono text-xs">
            {run.shareUrl}
          </code>
          <CopyButton text={run.shareUrl} label="share link" />
          <Button variant="ghost" size="sm" disabled={isBusy} onClick={onUnshare}>
            Stop sharing
          </Button>
        </div>
      )}
      {succeeded > 0 && (
        <div className="space-y-1.5">
          <label htmlFor="run-note" className="text-sm font-medium">
            Note
          </label>
          <textarea
            id="run-note"
            value={note}
            maxLength={MAX_NOTE_LENGTH}
            rows={2}
            placeholder="Why this one won, what to try next…"
            onChange={(e) => setNote(e.target.value)}
            onBlur={flush}
            className="w-full rounded-md border border-input bg-card px-3 py-2 text-sm placeholder:text-muted-foreground"
          />
        </div>
      )}
    </section>
  );
}
