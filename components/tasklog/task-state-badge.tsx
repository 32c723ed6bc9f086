import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TaskLogState } from "@/lib/tasklog/schemas";

const badges: Record<TaskLogState, { label: string; tone: BadgeTone }> = {
  waiting: { label: "Waiting", tone: "neutral" },
  queuing: { label: "Queued", tone: "neutral" },
  generating: { label: "Generating", tone: "accent" },
  success: { label: "Success", tone: "success" },
  fail: { label: "Failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "warning" },
};

export const taskStateLabels: Record<TaskLogState, string> = Object.fromEntries(
  Object.entries(badges).map(([state, { label }]) => [state, label]),
) as Record<TaskLogState, string>;

export function TaskStateBadge({ state }: { state: TaskLogState }) {
  const { label, tone } = badges[state];
  return <Badge tone={tone}>{label}</Badge>;
}
