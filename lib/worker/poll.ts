import "server-only";
import { z } from "zod";
import { byokProvider, redactSecret, submittedEndpoint } from "@/lib/byok";
import { adapterFor } from "@/lib/providers/adapters";
import { UpstreamError, type UpstreamRef, type UpstreamStatus } from "@/lib/providers/types";
import { pollRetryDelayMs } from "@/lib/tasks/poll-schedule";
import { finishTask } from "@/lib/tasks/transitions";
import { advanceTask, loadTaskForAdvance, schedulePoll } from "./advance";

export const pollPayload = z.object({
  taskId: z.string(),
  /** Set when an upstream webhook (or a retried copy) already told us the outcome. */
  status: z.custom<UpstreamStatus>((v) => typeof v === "object" && v !== null && "state" in v).optional(),
  errors: z.number().int().nonnegative().optional(),
  copyTries: z.number().int().nonnegative().optional(),
  /** How often a webhook's status waited for its submit to be recorded. */
  early: z.number().int().nonnegative().optional(),
});
export type PollPayload = z.infer<typeof pollPayload>;

const MAX_EARLY_WAITS = 50;

/**
 * Asks the upstream about a task (or takes what its webhook said) and advances it. A failed poll
 * leaves the task and its hold as they are and asks again later: the outcome is unknown, and
 * money is never released on a guess.
 */
export async function pollTask(payload: PollPayload, signal?: AbortSignal): Promise<void> {
  const task = await loadTaskForAdvance(payload.taskId);
  if (!task || task.state === "success" || task.state === "fail") return;
  if (task.state === "waiting") {
    // A webhook can beat the worker's own record of the submit; let that commit first.
    if (payload.status && (payload.early ?? 0) < MAX_EARLY_WAITS) {
      await schedulePoll(task.id, 100, { status: payload.status, early: (payload.early ?? 0) + 1 });
    }
    return;
  }
  if (payload.status) {
    await advanceTask(task, payload.status, { copyTries: payload.copyTries });
    return;
  }
  const { resolved, problem } = await submittedEndpoint(task);
  // Only the account's own credential can ask about the job; without it the outcome stays unknown
  // for good, so the task ends uncharged rather than holding its money forever.
  if (problem) {
    await finishTask(task.id, { kind: "fail", code: "credential_refused", message: `${problem} Nothing was charged.` });
    return;
  }
  if (!resolved || !task.upstream) {
    console.error(`${task.id}: in flight without a usable upstream (${task.providerSlug}); asking again later`);
    await schedulePoll(task.id, pollRetryDelayMs(payload.errors ?? 0), { errors: (payload.errors ?? 0) + 1 });
    return;
  }
  let status: UpstreamStatus;
  try {
    status = await adapterFor(resolved.protocol).poll(resolved.endpoint, task.upstream as UpstreamRef, signal);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    if (task.byokUsed && (error.kind === "auth" || error.kind === "insufficient_funds")) {
      const name = byokProvider(task.providerSlug ?? "")?.name ?? task.providerSlug;
      const said = redactSecret(error.message, resolved.endpoint.credential).replace(/\.$/, "");
      await finishTask(task.id, { kind: "fail", code: "credential_refused", message: `Your ${name} key was refused while this task ran: ${said}. Nothing was charged.` });
      return;
    }
    const errors = (payload.errors ?? 0) + 1;
    console.warn(`${task.id}: poll failed (${error.kind}: ${error.message}); asking again`);
    await schedulePoll(task.id, pollRetryDelayMs(errors), { errors });
    return;
  }
  await advanceTask(task, status);
}
