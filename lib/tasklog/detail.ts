import "server-only";
import { chargedMicros } from "@/lib/byok";
import { db } from "@/lib/db";
import type { CallbackState, HoldState, KeyMode, TaskSurface } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { mediaUrl, thumbnailUrl } from "@/lib/tasks";
import type { TaskLogState } from "./schemas";

export type TimelineStep = {
  step: "created" | "submitted" | "started" | "finished" | "media_copied";
  label: string;
  at: Date;
};

export type TaskDetail = {
  id: string;
  model: string;
  modelRequested: string;
  state: TaskLogState;
  failCode: string | null;
  failMsg: string | null;
  source: TaskSurface;
  mode: KeyMode;
  simulated: boolean;
  key: { id: string; name: string } | null;
  input: unknown;
  callbackUrl: string | null;
  providerSlug: string | null;
  upstreamModel: string | null;
  /** Steps that happened, in order; one that never happened (a task failed before submission) is absent. */
  timeline: TimelineStep[];
  routeAttempts: { id: string; at: Date; providerSlug: string; simulated: boolean; outcome: string; message: string | null; latencyMs: number }[];
  billing: {
    priceMicros: number;
    chargedMicros: number;
    hold: { amountMicros: number; state: HoldState; capturedMicros: number | null; createdAt: Date; settledAt: Date | null } | null;
    ledger: { id: string; kind: string; amountMicros: number; reservedDeltaMicros: number; at: Date }[];
  };
  images: { id: string; position: number; url: string; thumbnailUrl: string; width: number; height: number; contentType: string }[];
  callback: {
    id: string;
    url: string;
    state: CallbackState;
    nextAttemptAt: Date | null;
    attempts: { attempt: number; at: Date; result: string; statusCode: number | null; latencyMs: number; error: string | null }[];
  } | null;
  /** Why the callback cannot be sent again now, or null when it can. */
  redeliverBlocked: string | null;
};

/** Why a redelivery is refused for this task, or null: one rule for the button and the action. */
export function redeliverRefusal(task: { state: string; callbackUrl: string | null }, delivery: { state: CallbackState } | null): string | null {
  if (!task.callbackUrl) return "This task has no callback URL, so there is nothing to redeliver.";
  if (task.state !== "success" && task.state !== "fail") return "The task has not ended yet; its callback is sent when it does.";
  if (!delivery) return "The task's callback has not been queued yet; try again in a moment.";
  if (delivery.state === "pending") return "A delivery of this callback is already scheduled.";
  return null;
}

const stepLabels: Record<TimelineStep["step"], string> = {
  created: "Created",
  submitted: "Accepted upstream",
  started: "Started upstream",
  finished: "Finished",
  media_copied: "Images copied",
};

/** A task of this account with everything its detail page shows; another account's task is as absent as a made-up id. */
export async function getTaskDetailOrThrow(accountId: string, taskId: string, baseUrl: string): Promise<TaskDetail> {
  const task = await db.task.findFirst({
    where: { id: taskId, accountId },
    include: {
      media: { orderBy: { position: "asc" } },
      routeAttempts: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      apiKey: { select: { id: true, name: true } },
      callbacks: { include: { attempts: { orderBy: { attempt: "asc" } } } },
    },
  });
  if (!task) throw new AppError("not_found", `No task ${taskId} on this account.`, { param: "taskId" });
  const [hold, ledger] = await Promise.all([
    db.hold.findFirst({ where: { taskId, accountId } }),
    db.ledgerEntry.findMany({ where: { taskId, accountId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const delivery = task.callbacks[0] ?? null;
  const copiedAt = task.media.reduce<Date | null>((latest, m) => (latest && latest > m.createdAt ? latest : m.createdAt), null);
  const steps: [TimelineStep["step"], Date | null][] = [
    ["created", task.createdAt],
    ["submitted", task.submittedAt],
    ["started", task.startedAt],
    ["finished", task.finishedAt],
    ["media_copied", copiedAt],
  ];
  return {
    id: task.id,
    model: task.variantSlug,
    modelRequested: task.modelRequested,
    state: task.state === "fail" && task.failCode === "canceled" ? "cancelled" : task.state,
    failCode: task.failCode,
    failMsg: task.failMsg,
    source: task.surface,
    mode: task.mode,
    simulated: task.simulated,
    key: task.apiKey,
    input: task.input,
    callbackUrl: task.callbackUrl,
    providerSlug: task.providerSlug,
    upstreamModel: task.upstreamModel,
    timeline: steps.flatMap(([step, at]) => (at ? [{ step, label: stepLabels[step], at }] : [])),
    routeAttempts: task.routeAttempts.map((a) => ({
      id: a.id,
      at: a.createdAt,
      providerSlug: a.providerSlug,
      simulated: a.simulated,
      outcome: a.outcome,
      message: a.message,
      latencyMs: a.latencyMs,
    })),
    billing: {
      priceMicros: Number(task.priceMicros),
      chargedMicros: task.state === "success" ? Number(chargedMicros(task)) : 0,
      hold: hold && {
        amountMicros: Number(hold.amountMicros),
        state: hold.state,
        capturedMicros: hold.capturedMicros === null ? null : Number(hold.capturedMicros),
        createdAt: hold.createdAt,
        settledAt: hold.settledAt,
      },
      ledger: ledger.map((e) => ({
        id: e.id,
        kind: e.kind,
        amountMicros: Number(e.amountMicros),
        reservedDeltaMicros: Number(e.reservedDeltaMicros),
        at: e.createdAt,
      })),
    },
    images: task.media.map((m) => ({
      id: m.id,
      position: m.position,
      url: mediaUrl(baseUrl, m),
      thumbnailUrl: thumbnailUrl(baseUrl, m),
      width: m.width,
      height: m.height,
      contentType: m.contentType,
    })),
    callback: delivery && {
      id: delivery.id,
      url: delivery.url,
      state: delivery.state,
      nextAttemptAt: delivery.nextAttemptAt,
      attempts: delivery.attempts.map((a) => ({
        attempt: a.attempt,
        at: a.createdAt,
        result: a.result,
        statusCode: a.statusCode,
        latencyMs: a.latencyMs,
        error: a.error,
      })),
    },
    redeliverBlocked: redeliverRefusal(task, delivery),
  };
}
