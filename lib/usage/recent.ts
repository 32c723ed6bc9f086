import "server-only";
import { db } from "@/lib/db";
import { thumbnailUrl } from "@/lib/tasks";
import { accountSpendPerDay } from "./queries";
import { fillDays, lastDays } from "./range";
import type { TaskStateName } from "./schemas";

export type RecentTask = {
  id: string;
  model: string;
  state: TaskStateName;
  createdAt: string;
  /** The first image's thumbnail, relative to the site; null until the task has one. */
  thumbnailUrl: string | null;
};

const SPARKLINE_DAYS = 30;

/** The account's newest tasks, newest first (the [accountId, createdAt desc] index answers it). */
export async function recentTasks(accountId: string, limit = 5): Promise<RecentTask[]> {
  const tasks = await db.task.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      variantSlug: true,
      state: true,
      createdAt: true,
      media: { select: { id: true }, orderBy: { position: "asc" }, take: 1 },
    },
  });
  return tasks.map((t) => ({
    id: t.id,
    model: t.variantSlug,
    state: t.state,
    createdAt: t.createdAt.toISOString(),
    thumbnailUrl: t.media[0] ? thumbnailUrl("", t.media[0]) : null,
  }));
}

/** What the account was charged on each of the last 30 UTC days, oldest first. */
export async function spendSparkline(accountId: string, now = new Date()): Promise<{ day: string; spendMicros: number }[]> {
  const range = lastDays(SPARKLINE_DAYS, now);
  const perDay = await accountSpendPerDay(accountId, range);
  return fillDays(range, perDay, () => 0).map(({ day, value }) => ({ day, spendMicros: value }));
}
