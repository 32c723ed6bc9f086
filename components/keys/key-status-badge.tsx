import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { KeyMode, KeyStatus } from "@/lib/keys";

const statusTone: Record<KeyStatus, BadgeTone> = {
  active: "success",
  expiring: "warning",
  expired: "neutral",
  revoked: "danger",
};

const statusLabel: Record<KeyStatus, string> = {
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  revoked: "Revoked",
};

export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}

export function KeyModeBadge({ mode }: { mode: KeyMode }) {
  return mode === "live" ? <Badge tone="accent">Live</Badge> : <Badge>Test</Badge>;
}
