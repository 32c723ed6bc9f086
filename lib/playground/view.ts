import "server-only";
import { chargedMicros } from "@/lib/byok";
import { db, Prisma } from "@/lib/db";
import { mediaUrl, thumbnailUrl } from "@/lib/tasks";
import { OMITTED_INLINE_IMAGE, type PaneState, type PaneView, type RunView } from "./contract";

// A run as the playground polls it (about every 750 ms while panes run): read in one statement,
// the panes with their tasks and images folded in as JSON.

type MediaRecord = { id: string; position: number; contentType: string; width: number; height: number };

/** JSON has no dates: timestamps come as ISO strings without a zone (Prisma stores UTC). */
type TaskRecord = {
  id: string;
  state: "waiting" | "queuing" | "generating" | "success" | "fail";
  input: Record<string, unknown>;
  width: number;
  height: number;
  priceMicros: number;
  byokFeeMicros: number | null;
  byokUsed: boolean;
  simulated: boolean;
  progress: number | null;
  queuePosition: number | null;
  failCode: string | null;
  failMsg: string | null;
  createdAt: string;
  submittedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  media: MediaRecord[];
};

export type PaneRecord = {
  id: string;
  position: number;
  blindSlot: number;
  variantSlug: string;
  /** Null if the variant has left the catalog since. */
  displayName: string | null;
  label: string | null;
  params: Record<string, unknown>;
  promptAddition: string | null;
  notes: string[];
  createdAt: string;
  /** Null once the task is gone. */
  task: TaskRecord | null;
};

export type RunRecord = {
  id: string;
  accountId: string;
  prompt: string;
  settings: RunView["settings"];
  mode: "live" | "test";
  blind: boolean;
  winnerPaneId: string | null;
  note: string;
  shareId: string | null;
  createdAt: Date;
  availableMicros: bigint | null;
  panes: PaneRecord[];
};

/** The one run matching `where` (a condition on `r`, the PlaygroundRun row), or null. */
export async function readRun(where: Prisma.Sql): Promise<RunRecord | null> {
  const rows = await db.$queryRaw<RunRecord[]>`
    SELECT r."id", r."accountId", r."prompt", r."settings", r."mode"::text AS "mode", r."blind", r."winnerPaneId",
      r."note", r."shareId", r."createdAt",
      (SELECT w."availableMicros" FROM "Wallet" w WHERE w."accountId" = r."accountId") AS "availableMicros",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', p."id", 'position', p."position", 'blindSlot', p."blindSlot", 'variantSlug', p."variantSlug",
          'displayName', v."displayName", 'label', p."label", 'params', p."params", 'promptAddition', p."promptAddition",
          'notes', p."notes", 'createdAt', p."createdAt",
          'task', CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object(
            'id', t."id", 'state', t."state", 'input', t."input", 'width', t."width", 'height', t."height",
            'priceMicros', t."priceMicros", 'byokFeeMicros', t."byokFeeMicros", 'byokUsed', t."byokUsed",
            'simulated', t."simulated", 'progress', t."progress", 'queuePosition', t."queuePosition",
            'failCode', t."failCode", 'failMsg', t."failMsg", 'createdAt', t."createdAt",
            'submittedAt', t."submittedAt", 'startedAt', t."startedAt", 'finishedAt', t."finishedAt",
            'media', COALESCE((
              SELECT json_agg(json_build_object('id', m."id", 'position', m."position", 'contentType', m."contentType",
                'width', m."width", 'height', m."height") ORDER BY m."position")
              FROM "Media" m WHERE m."taskId" = t."id"), '[]'::json)
          ) END
        ) ORDER BY p."position")
        FROM "PlaygroundPane" p
        LEFT JOIN "Task" t ON t."id" = p."taskId"
        LEFT JOIN "Variant" v ON v."slug" = p."variantSlug"
        WHERE p."runId" = r."id"
      ), '[]'::json) AS "panes"
    FROM "PlaygroundRun" r
    WHERE ${where}`;
  return rows[0] ?? null;
}

const utc = (at: string) => new Date(`${at}Z`);
const iso = (at: string | null) => (at === null ? null : utc(at).toISOString());
const ended: PaneState[] = ["success", "fail", "cancelled"];

function paneState(task: TaskRecord | null): PaneState {
  if (!task) return "fail";
  if (task.state === "fail" && task.failCode === "canceled") return "cancelled";
  return task.state;
}

/** What a finished task was charged: the price (or the BYOK fee) after success, nothing otherwise. */
export function paneCostMicros(task: Pick<TaskRecord, "state" | "priceMicros" | "byokFeeMicros" | "byokUsed"> | null): number {
  if (task?.state !== "success") return 0;
  const fee = task.byokFeeMicros === null ? null : BigInt(task.byokFeeMicros);
  return Number(chargedMicros({ priceMicros: BigInt(task.priceMicros), byokFeeMicros: fee, byokUsed: task.byokUsed }));
}

/** "A", "B", ... by blind slot. */
export const blindName = (slot: number) => String.fromCharCode(65 + slot);

const omitInline = (urls: unknown[]) => urls.map((u) => (typeof u === "string" && u.startsWith("data:") ? OMITTED_INLINE_IMAGE : u));

function withoutInlineImages(input: Record<string, unknown>): Record<string, unknown> {
  return Array.isArray(input.image_urls) ? { ...input, image_urls: omitInline(input.image_urls) } : input;
}

function toPaneView(pane: PaneRecord, hidden: boolean, baseUrl: string, inlineImages: boolean): PaneView {
  const { task } = pane;
  const state = paneState(task);
  const finishedAt = task?.finishedAt ? utc(task.finishedAt) : null;
  const seed = task?.input.seed;
  return {
    id: pane.id,
    position: hidden ? pane.blindSlot : pane.position,
    variant: hidden ? null : { slug: pane.variantSlug, displayName: pane.displayName ?? pane.variantSlug },
    label: hidden ? null : pane.label,
    blindName: blindName(pane.blindSlot),
    params: hidden ? null : pane.params,
    promptAddition: hidden ? null : pane.promptAddition,
    input: hidden || !task ? null : inlineImages ? task.input : withoutInlineImages(task.input),
    // A note names what the variant lacks, which would tell blind panes apart.
    notes: hidden ? [] : pane.notes,
    taskId: task?.id ?? null,
    state,
    progress: state === "success" ? 100 : (task?.progress ?? 0),
    queuePosition: task?.queuePosition ?? null,
    costMicros: hidden ? null : paneCostMicros(task),
    priceMicros: hidden ? null : (task?.priceMicros ?? 0),
    createdAt: utc(task?.createdAt ?? pane.createdAt).toISOString(),
    startedAt: iso(task?.startedAt ?? null),
    finishedAt: finishedAt?.toISOString() ?? null,
    latencyMs: task && finishedAt ? finishedAt.getTime() - utc(task.submittedAt ?? task.createdAt).getTime() : null,
    seed: typeof seed === "number" ? seed : null,
    width: task?.width ?? 0,
    height: task?.height ?? 0,
    images:
      state === "success"
        ? (task?.media ?? []).map((m) => ({
            url: mediaUrl(baseUrl, m),
            thumbnailUrl: thumbnailUrl(baseUrl, m),
            width: m.width,
            height: m.height,
            contentType: m.contentType,
          }))
        : [],
    error: !task
      ? { code: "gone", message: "This pane's task no longer exists." }
      : task.state === "fail"
        ? { code: task.failCode ?? "failed", message: task.failMsg ?? "The generation failed." }
        : null,
    simulated: task?.simulated ?? false,
  };
}

/**
 * The run as the playground shows it; `withBalance` false for visitors and shared links. Inline
 * reference images are left out (OMITTED_INLINE_IMAGE) unless `inlineImages`, for recall.
 */
export function toRunView(run: RunRecord, baseUrl: string, withBalance: boolean, inlineImages = false): RunView {
  const hidden = run.blind && run.winnerPaneId === null;
  const panes = [...run.panes]
    .sort((a, b) => (hidden ? a.blindSlot - b.blindSlot : a.position - b.position))
    .map((pane) => toPaneView(pane, hidden, baseUrl, inlineImages));
  return {
    id: run.id,
    prompt: run.prompt,
    settings: {
      seed: run.settings.seed,
      aspectRatio: run.settings.aspectRatio,
      imageUrls: inlineImages ? run.settings.imageUrls : (omitInline(run.settings.imageUrls) as string[]),
      mode: run.settings.mode,
      blind: run.settings.blind,
    },
    panes,
    hidden,
    winnerPaneId: run.winnerPaneId,
    note: run.note,
    shareUrl: run.shareId ? `${baseUrl}/p/${run.shareId}` : null,
    createdAt: run.createdAt.toISOString(),
    done: panes.every((p) => ended.includes(p.state)),
    totalCostMicros: run.panes.reduce((sum, p) => sum + paneCostMicros(p.task), 0),
    balanceMicros: withBalance && run.availableMicros !== null ? Number(run.availableMicros) : null,
  };
}
