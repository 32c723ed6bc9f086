import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog/pricing";
import type { KeyListEntry } from "@/lib/keys";
import { DEFAULT_RATE_PER_10S } from "@/lib/keys/limits";
import { startLabel } from "@/lib/keys/view";
import { ExactTime } from "./exact-time";
import { KeyActions } from "./key-actions";
import { KeyModeBadge, KeyStatusBadge } from "./key-status-badge";
import { CreateKeyButton } from "./keys-ui";
import { relativeTime } from "./relative-time";
import { KeyRow, RevokedKeysToggle } from "./revoked-keys";

const LIST_ID = "api-keys";

function Time({ date, now }: { date: Date; now: number }) {
  return <ExactTime iso={date.toISOString()}>{relativeTime(date, now)}</ExactTime>;
}

function expiry(key: KeyListEntry, now: number): ReactNode {
  if (key.revokedAt) return <>Revoked <Time date={key.revokedAt} now={now} /></>;
  if (!key.expiresAt) return "Never";
  if (key.status === "expired") return <>Expired <Time date={key.expiresAt} now={now} /></>;
  return <Time date={key.expiresAt} now={now} />;
}

function spentToday(key: KeyListEntry): string {
  const spent = formatUsd(key.spentTodayMicros);
  return key.dailyCapMicros === null ? `${spent} today` : `${spent} of ${formatUsd(key.dailyCapMicros)} today`;
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function EmptyState() {
  return (
    <Card className="flex flex-col items-center gap-3 px-6 py-12 text-center">
      <KeyRound aria-hidden className="size-8 text-muted-foreground" />
      <h2 className="text-lg font-semibold">No API keys yet</h2>
      <p className="max-w-md text-sm text-muted-foreground">
        Create a key to call the Lumigate API from your code. Test keys are never charged: use them for development and CI.
      </p>
      <CreateKeyButton label="Create your first key" />
    </Card>
  );
}

function KeyCard({ keyRecord: key, now }: { keyRecord: KeyListEntry; now: number }) {
  const isUsable = key.status === "active" || key.status === "expiring";
  return (
    <Card className={isUsable ? "p-4 sm:p-5" : "bg-muted/40 p-4 sm:p-5"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`${key.id}-name`} tabIndex={-1} className="font-medium break-words">
              {key.name}
            </h2>
            <KeyModeBadge mode={key.mode} />
            <KeyStatusBadge status={key.status} />
          </div>
          <p className="font-mono text-sm text-muted-foreground">{startLabel(key.start)}</p>
          {key.replacedByStart && (
            <p className="text-sm text-muted-foreground">
              Replaced by <span className="font-mono">{startLabel(key.replacedByStart)}</span>
              {isUsable && key.expiresAt && (
                <>
                  , stops working <Time date={key.expiresAt} now={now} />
                </>
              )}
            </p>
          )}
        </div>
        <KeyActions keyRecord={key} isUsable={isUsable} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Detail label="Created">
          <Time date={key.createdAt} now={now} />
        </Detail>
        <Detail label="Last used">{key.lastUsedAt ? <Time date={key.lastUsedAt} now={now} /> : "Never"}</Detail>
        <Detail label="Expires">{expiry(key, now)}</Detail>
        <Detail label="Scopes">{key.scopes.join(", ")}</Detail>
        <Detail label="Limits">
          {key.ratePer10s ?? DEFAULT_RATE_PER_10S} req / 10 s
          {key.dailyCapMicros !== null && `, ${formatUsd(key.dailyCapMicros)} a day`}
        </Detail>
        <Detail label="Spent today (UTC)">{spentToday(key)}</Detail>
      </dl>
    </Card>
  );
}

export function KeyList({ keys, now }: { keys: KeyListEntry[]; now: number }) {
  if (keys.length === 0) return <EmptyState />;
  // Revoked keys can never work again: they go last, hidden until asked for.
  const live = keys.filter((key) => !key.revokedAt);
  const revoked = keys.filter((key) => key.revokedAt);
  return (
    <div className="space-y-3">
      {live.length === 0 && <p className="text-sm text-muted-foreground">No active keys: every key here is revoked.</p>}
      <ul id={LIST_ID} aria-label="API keys" className="space-y-3">
        {[...live, ...revoked].map((key) => (
          <KeyRow key={key.id} keyId={key.id} isRevoked={key.revokedAt !== null}>
            <KeyCard keyRecord={key} now={now} />
          </KeyRow>
        ))}
      </ul>
      {revoked.length > 0 && <RevokedKeysToggle count={revoked.length} listId={LIST_ID} />}
    </div>
  );
}
