import "server-only";
import { submittedEndpoint } from "@/lib/byok";
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/providers/adapters";
import type { UpstreamFailureReason, UpstreamRef, UpstreamStatus } from "@/lib/providers/types";
import { CopyError, copyResults, discardCopies } from "@/lib/tasks/copy-results";
import { nextPollDelayMs } from "@/lib/tasks/poll-schedule";
import { addJobNow, jobNames } from "@/lib/tasks/queue";
import { type FailCode, finishTask, markInFlight } from "@/lib/tasks/transitions";

/** BFL may not know a job for a moment after accepting it; past this, "not found" means lost. */
const NOT_FOUND_GRACE_MS = 60_000;
/** Copies that fail transiently are retried this many times before the task fails uncharged. */
const MAX_COPY_TRIES = 5;

const failCodes: Record<UpstreamFailureReason, FailCode> = {
  moderated: "moderated",
  generation_failed: "generation_failed",
  canceled: "canceled",
  upstream_error: "upstream_error",
};

const humanReasons: Record<UpstreamFailureReason, string> = {
  moderated: "The upstream's content moderation blocked this request; nothing was charged.",
  generation_failed: "The model could not generate this image; nothing was charged.",
  canceled: "The job was cancelled upstream; nothing was charged.",
  upstream_error: "The upstream failed to run this job; nothing was charged.",
};

export type TaskForAdvance = {
  id: string;
  accountId: string;
  state: string;
  providerSlug: string | null;
  simulated: boolean;
  /** Submitted with the account's own credential, which its polls and cancel use too. */
  byokUsed: boolean;
  upstream: unknown;
  submittedAt: Date | null;
  deadlineAt: Date;
  polls: number;
  hasWebhook: boolean;
};

/**
 * Asks about a task again after `delayMs`. A job that already carries the outcome (an upstream
 * webhook's, or a copy to retry) has a key of its own: the poll chain's next poll would otherwise
 * replace it, and the outcome would wait for that poll.
 */
export function schedulePoll(taskId: string, delayMs: number, extra: Record<string, unknown> = {}): Promise<void> {
  const jobKey = "status" in extra ? `outcome:${taskId}` : `poll:${taskId}`;
  return addJobNow(jobNames.poll, { taskId, ...extra }, { runAt: new Date(Date.now() + delayMs), jobKey });
}

async function cancelUpstream(task: TaskForAdvance): Promise<void> {
  const { resolved } = await submittedEndpoint(task);
  if (!resolved || !task.upstream) return;
  await adapterFor(resolved.protocol)
    .cancel(resolved.endpoint, task.upstream as UpstreamRef)
    .catch((error: unknown) => console.warn(`${task.id}: cancelling upstream failed: ${(error as Error).message}`));
}

async function succeed(task: TaskForAdvance, status: Extract<UpstreamStatus, { state: "succeeded" }>, copyTries: number) {
  let media;
  try {
    media = await copyResults(status.images);
  } catch (error) {
    if (error instanceof CopyError && !error.permanent && copyTries + 1 < MAX_COPY_TRIES) {
      console.warn(`${task.id}: copying results failed (${error.message}); retrying`);
      // The same status again: the upstream said success, only our copy has to be retried.
      await schedulePoll(task.id, 2_000 * (copyTries + 1), { status, copyTries: copyTries + 1 });
      return;
    }
    const message = error instanceof CopyError ? error.message : "storing the result failed";
    console.error(`${task.id}: results could not be copied`, error);
    await finishTask(task.id, { kind: "fail", code: "upstream_error", message: `The image could not be retrieved from the upstream (${message}); nothing was charged.` });
    return;
  }
  if (!(await finishTask(task.id, { kind: "success", media }))) await discardCopies(media);
}

/**
 * The one funnel for what an upstream says about a job, whether a poll or a webhook heard it:
 * progress updates the task, an outcome ends it through finishTask's conditional transition.
 */
export async function advanceTask(task: TaskForAdvance, status: UpstreamStatus, opts: { copyTries?: number } = {}): Promise<void> {
  const now = Date.now();
  const sinceSubmit = now - (task.submittedAt?.getTime() ?? now);
  switch (status.state) {
    case "queued":
    case "running": {
      if (now > task.deadlineAt.getTime()) {
        await cancelUpstream(task);
        await finishTask(task.id, {
          kind: "fail",
          code: "timeout",
          message: "The upstream did not finish this job before the deadline; it was cancelled and nothing was charged.",
        });
        return;
      }
      const running = status.state === "running";
      if (!(await markInFlight(task.id, { running, progress: running ? status.progress : undefined, queuePosition: running ? undefined : status.queuePosition }))) return;
      await schedulePoll(task.id, nextPollDelayMs(sinceSubmit, task.polls, task.hasWebhook));
      return;
    }
    case "succeeded":
      await succeed(task, status, opts.copyTries ?? 0);
      return;
    case "failed":
      await finishTask(task.id, { kind: "fail", code: failCodes[status.reason], message: `${humanReasons[status.reason]} Upstream said: ${status.message}`.slice(0, 1000) });
      return;
    case "not_found":
      if (sinceSubmit < NOT_FOUND_GRACE_MS) {
        await schedulePoll(task.id, 1_000);
        return;
      }
      await finishTask(task.id, { kind: "fail", code: "upstream_error", message: "The upstream lost track of this job; nothing was charged." });
      return;
  }
}

export async function loadTaskForAdvance(taskId: string): Promise<TaskForAdvance | null> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      accountId: true,
      state: true,
      providerSlug: true,
      simulated: true,
      byokUsed: true,
      upstream: true,
      submittedAt: true,
      deadlineAt: true,
      polls: true,
    },
  });
  if (!task) return null;
  const ref = task.upstream as (UpstreamRef & { webhook?: boolean }) | null;
  return { ...task, hasWebhook: Boolean(ref?.webhook) };
}
