import { relativeTime } from "@/components/keys/relative-time";
import { figuresAge } from "@/lib/status/overall";

/**
 * When the live figures were computed, and plainly so when they are over an hour old: the worker
 * recomputes them every 5 minutes, so old figures mean it is not running. `computedAt` lists every
 * figure shown; the oldest counts.
 */
export function FiguresAgeNote({ computedAt, now, className }: { computedAt: Date[]; now: Date; className?: string }) {
  const age = figuresAge(computedAt, now);
  return (
    <p className={className ?? "text-sm text-muted-foreground"} data-testid="figures-age">
      {age.kind === "missing" ? (
        "No live figures yet: nothing has run in the last 7 days, or the figures job has not run since."
      ) : (
        <>
          Figures from <time dateTime={age.computedAt.toISOString()}>{relativeTime(age.computedAt, now.getTime())}</time>.
          {age.kind === "stale" && (
            <strong className="font-medium text-foreground">
              {" "}
              They are more than an hour old: the worker that recomputes them every 5 minutes may not be running.
            </strong>
          )}
        </>
      )}
    </p>
  );
}
