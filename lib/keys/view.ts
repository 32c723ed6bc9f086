import type { KeyMode } from "./format";
import type { KeyScope } from "./schemas";

export type KeyStatus = "active" | "expired" | "revoked" | "expiring";

export type KeyView = {
  id: string;
  name: string;
  mode: KeyMode;
  start: string;
  scopes: KeyScope[];
  ratePer10s: number | null;
  dailyCapMicros: number | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  status: KeyStatus;
};

/** A key's display start as people see it in lists and confirmations: `lg_live_v9mP…`. */
export const startLabel = (start: string) => `${start}…`;

/** A key that stops working within this window is shown as expiring (a rolled key in its grace period). */
const EXPIRING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export function keyStatus(
  key: { expiresAt: Date | null; revokedAt: Date | null },
  now: number = Date.now(),
): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (!key.expiresAt) return "active";
  const left = key.expiresAt.getTime() - now;
  if (left <= 0) return "expired";
  return left <= EXPIRING_WINDOW_MS ? "expiring" : "active";
}

export const keyViewSelect = {
  id: true,
  name: true,
  mode: true,
  start: true,
  scopes: true,
  ratePer10s: true,
  dailyCapMicros: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

type KeyViewRow = Omit<KeyView, "status" | "scopes" | "dailyCapMicros"> & {
  scopes: string[];
  dailyCapMicros: bigint | null;
};

// Field by field, so a row selected with more (the hash) never carries it to the browser.
export function toKeyView(row: KeyViewRow, now: number = Date.now()): KeyView {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    start: row.start,
    scopes: row.scopes as KeyScope[],
    ratePer10s: row.ratePer10s,
    dailyCapMicros: row.dailyCapMicros === null ? null : Number(row.dailyCapMicros),
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
    status: keyStatus(row, now),
  };
}
