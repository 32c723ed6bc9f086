import "server-only";
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/providers/adapters";
import { allowRequest, recordFailure, recordSuccess } from "@/lib/providers/circuit";
import { resolveEndpoint } from "@/lib/providers/endpoints";
import { UpstreamError, type UpstreamJob } from "@/lib/providers/types";
import { addJobNow, jobNames } from "@/lib/tasks/queue";
import { finishTask, markSubmitted, recordAttempt } from "@/lib/tasks/transitions";
import { upstreamWebhookFor } from "@/lib/tasks/upstream-webhooks";
import { generationVariant } from "@/lib/tasks/variants";
import { advanceTask, schedulePoll } from "./advance";

/** When every route refused (429, 5xx, unreachable), the whole list is tried again for this long. */
const RESUBMIT_WINDOW_MS = 120_000;

function resubmitDelayMs(round: number): number {
  return Math.min(30_000, 1_000 * 2 ** round);
}

/**
 * Sends a waiting task to the first route that accepts it, in priority order: a 429, a 5xx or an
 * unreachable upstream before acceptance moves on to the next route; an upstream whose circuit is
 * open is skipped. A refusal of the input itself ends the task uncharged.
 */
export async function submitTask(taskId: string, round = 0, signal?: AbortSignal): Promise<void> {
  const task = await db.task.findUnique({ where: { id: taskId } });
  if (!task || task.state === "success" || task.state === "fail") return;
  if (task.state !== "waiting") {
    // A worker died between recording the submit and scheduling its first poll: poll now.
    await schedulePoll(taskId, 0);
    return;
  }
  const found = await generationVariant(task.variantSlug);
  if (!found) {
    await finishTask(taskId, { kind: "fail", code: "rejected", message: "The model was removed from the catalog; nothing was charged." });
    return;
  }
  const job: Omit<UpstreamJob, "upstreamModel" | "webhook"> = {
    task: found.variant.task,
    input: task.input as Record<string, unknown>,
    width: task.width,
    height: task.height,
  };

  for (const route of found.routes) {
    const resolved = resolveEndpoint(route.providerSlug, task.mode);
    if (!resolved) continue;
    const circuit = `${route.providerSlug}:${resolved.simulated ? "simulator" : "upstream"}`;
    const attempt = { providerSlug: route.providerSlug, simulated: resolved.simulated };
    if (!allowRequest(circuit)) {
      await recordAttempt(taskId, { ...attempt, outcome: "circuit_open", message: "skipped: this upstream keeps failing", latencyMs: 0 });
      continue;
    }
    const webhook = upstreamWebhookFor(taskId, resolved.protocol, resolved.simulated);
    const started = performance.now();
    let submitted;
    try {
      submitted = await adapterFor(resolved.protocol).submit(
        resolved.endpoint,
        { ...job, upstreamModel: route.upstreamModel, webhook },
        signal,
      );
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const latencyMs = performance.now() - started;
      await recordAttempt(taskId, { ...attempt, outcome: error.kind, message: error.message, latencyMs });
      if (error.kind === "rejected") {
        recordSuccess(circuit);
        await finishTask(taskId, { kind: "fail", code: "rejected", message: `The upstream refused this input: ${error.message}. Nothing was charged.` });
        return;
      }
      recordFailure(circuit);
      continue;
    }
    recordSuccess(circuit);
    await recordAttempt(taskId, { ...attempt, outcome: "accepted", upstreamId: submitted.ref.id, latencyMs: performance.now() - started });
    const won = await markSubmitted(taskId, {
      providerSlug: route.providerSlug,
      upstreamModel: route.upstreamModel,
      simulated: resolved.simulated,
      ref: { ...submitted.ref, ...(webhook ? { webhook: true } : {}) },
      costMicros: submitted.costMicros,
    });
    if (!won) {
      // Cancelled while we were submitting: tell the upstream where it listens.
      await adapterFor(resolved.protocol).cancel(resolved.endpoint, submitted.ref).catch(() => "unsupported");
      return;
    }
    const submittedAt = new Date();
    const advance = {
      id: taskId,
      state: "queuing",
      providerSlug: route.providerSlug,
      simulated: resolved.simulated,
      upstream: submitted.ref,
      submittedAt,
      deadlineAt: task.deadlineAt,
      polls: 0,
      hasWebhook: Boolean(webhook),
    };
    if (submitted.status) await advanceTask(advance, submitted.status);
    else await schedulePoll(taskId, webhook ? 5_000 : 250);
    return;
  }

  if (Date.now() - task.createdAt.getTime() < RESUBMIT_WINDOW_MS) {
    await addJobNow(jobNames.submit, { taskId, round: round + 1 }, {
      runAt: new Date(Date.now() + resubmitDelayMs(round)),
      jobKey: `submit:${taskId}`,
    });
    return;
  }
  await finishTask(taskId, {
    kind: "fail",
    code: "upstream_error",
    message: "No upstream accepted this job (all were busy or unavailable); nothing was charged. Retry in a moment.",
  });
}
