import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { thumbnailUrl } from "@/lib/tasks";
import type { HistoryPage, HistoryQuery, PaneState, RunSummary } from "./contract";
import { paneCostMicros } from "./view";

const PAGE_SIZE = 20;

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The ids of one page of the account's runs, newest first, after the cursor run (createdAt, id keyset). */
async function pageIds(accountId: string, query: HistoryQuery): Promise<string[]> {
  const conditions = [Prisma.sql`r."accountId" = ${accountId}`];
  if (query.q) conditions.push(Prisma.sql`r."prompt" ILIKE ${`%${likeLiteral(query.q)}%`}`);
  if (query.variant) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "PlaygroundPane" p WHERE p."runId" = r."id" AND p."variantSlug" = ${query.variant})`);
  }
  if (query.winner === "any") conditions.push(Prisma.sql`r."winnerPaneId" IS NOT NULL`);
  else if (query.winner) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "PlaygroundPane" w WHERE w."id" = r."winnerPaneId" AND w."runId" = r."id" AND w."variantSlug" = ${query.winner})`,
    );
  }
  // An unknown cursor matches no run, so the page is empty rather than the first one again.
  if (query.cursor) {
    conditions.push(
      Prisma.sql`(r."createdAt", r."id") < (SELECT c."createdAt", c."id" FROM "PlaygroundRun" c WHERE c."id" = ${query.cursor} AND c."accountId" = ${accountId})`,
    );
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "PlaygroundRun" r
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY r."createdAt" DESC, r."id" DESC
    LIMIT ${PAGE_SIZE + 1}`;
  return rows.map((r) => r.id);
}

function paneState(task: { state: string; failCode: string | null } | null): PaneState {
  if (!task) return "fail";
  if (task.state === "fail" && task.failCode === "canceled") return "cancelled";
  return task.state as PaneState;
}

/** The account's playground runs, 20 a page: search the prompt, filter by a variant in it or by the winner. */
export async function listRuns(user: SessionUser, query: HistoryQuery, baseUrl: string): Promise<HistoryPage> {
  const ids = await pageIds(user.accountId, query);
  const page = ids.slice(0, PAGE_SIZE);
  const runs = await db.playgroundRun.findMany({
    where: { id: { in: page } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      panes: {
        orderBy: { position: "asc" },
        include: {
          task: {
            select: {
              state: true,
              failCode: true,
              priceMicros: true,
              byokFeeMicros: true,
              byokUsed: true,
              media: { select: { id: true }, orderBy: { position: "asc" }, take: 1 },
            },
          },
        },
      },
    },
  });
  const slugs = [...new Set(runs.flatMap((r) => r.panes.map((p) => p.variantSlug)))];
  const names = new Map(
    (await db.variant.findMany({ where: { slug: { in: slugs } }, select: { slug: true, displayName: true } })).map((v) => [v.slug, v.displayName]),
  );
  const summaries = runs.map((run): RunSummary => {
    const costs = run.panes.map((p) =>
      paneCostMicros(
        p.task && { ...p.task, priceMicros: Number(p.task.priceMicros), byokFeeMicros: p.task.byokFeeMicros === null ? null : Number(p.task.byokFeeMicros) },
      ),
    );
    return {
      id: run.id,
      prompt: run.prompt,
      createdAt: run.createdAt.toISOString(),
      mode: run.mode,
      blind: run.blind,
      panes: run.panes.map((p) => {
        const media = p.task?.state === "success" ? p.task.media[0] : undefined;
        return {
          id: p.id,
          variantSlug: p.variantSlug,
          displayName: names.get(p.variantSlug) ?? p.variantSlug,
          label: p.label,
          state: paneState(p.task),
          thumbnailUrl: media ? thumbnailUrl(baseUrl, media) : null,
        };
      }),
      winnerPaneId: run.winnerPaneId,
      shared: run.shareId !== null,
      totalCostMicros: costs.reduce((a, b) => a + b, 0),
    };
  });
  return { runs: summaries, nextCursor: ids.length > PAGE_SIZE ? page.at(-1)! : null };
}
