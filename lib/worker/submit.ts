import "server-only";
import { byokProvider, ownCredentials, redactSecret } from "@/lib/byok";
import { db } from "@/lib/db";
import { adapterFor } from "@/lib/providers/adapters";
import { allowRequest, recordFailure, recordSuccess } from "@/lib/providers/circuit";
import { resolveEndpoint, type ResolvedEndpoint } from "@/lib/providers/endpoints";
import { UpstreamError, type UpstreamJob } from "@/lib/providers/types";
import { addJobNow, jobNames } from "@/lib/tasks/queue";
import { finishTask, markSubmitted, recordAttempt } from "@/lib/tasks/transitions";
import { upstreamWebhookFor } from "@/lib/tasks/upstream-webhooks";
import { generationVariant, type RouteView } from "@/lib/tasks/variants";
import { advanceTask, schedulePoll } from "./advance";

/** When every route refused (429, 5xx, unreachable), the whole list is tried again for this long. */
const RESUBMIT_WINDOW_MS = 120_000;

function resubmitDelayMs(round: number): number {
  return Math.min(30_000, 1_000 * 2 ** round);
}

type Candidate = { route: RouteView; resolved: ResolvedEndpoint; ownKey: boolean };

type TaskToRoute = { accountId: string; mode: "live" | "test"; byokFeeMicros: bigint | null; byokFallback: boolean };

/**
 * The routes to try, in order. A task priced for the account's own credentials tries the routes of
 * the upstreams it has one for first (by priority); the platform's credentials serve ordinary
 * tasks, and those whose account let them stand in (at the full price, which is then held).
 * `problems` says why a credential of the account cannot be used at all.
 */
async function candidates(task: TaskToRoute, routes: RouteView[]): Promise<{ list: Candidate[]; problems: string[] }> {
  const isByok = task.mode === "live" && task.byokFeeMicros !== null;
  const own = isByok ? await ownCredentials(task.accountId, routes.map((r) => r.providerSlug)) : new Map();
  const list: Candidate[] = [];
  const problems: string[] = [];
  for (const route of routes) {
    const credential = own.get(route.providerSlug);
    if (!credential) continue;
    if ("problem" in credential) {
      problems.push(credential.problem);
      continue;
    }
    const resolved = resolveEndpoint(route.providerSlug, "live", credential.secret);
    if (resolved) list.push({ route, resolved, ownKey: true });
  }
  if (!isByok || task.byokFallback) {
    for (const route of routes) {
      const resolved = resolveEndpoint(route.providerSlug, task.mode);
      if (resolved) list.push({ route, resolved, ownKey: false });
    }
  }
  return { list, problems };
}

const ownKeyHelp = "Nothing was charged. Replace the key under Dashboard → Providers, or allow falling back to Lumigate's own keys there.";

/**
 * Sends a waiting task to the first route that accepts it, in priority order: a 429, a 5xx or an
 * unreachable upstream before acceptance moves on to the next route; an upstream whose circuit is
 * open is skipped. A refusal of the input itself ends the task uncharged, and so does a refusal of
 * the account's own credential (401/402/403) unless the platform's credentials may stand in.
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
  const { list, problems } = await candidates(task, found.routes);
  let refusal = problems[0] ?? null;

  for (const { route, resolved, ownKey } of list) {
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
      const message = ownKey ? redactSecret(error.message, resolved.endpoint.credential) : error.message;
      // The account's own credential refused says nothing about the upstream: its circuit stays as it is.
      if (ownKey && (error.kind === "auth" || error.kind === "insufficient_funds")) {
        await recordAttempt(taskId, { ...attempt, outcome: "account_key_refused", message, latencyMs });
        refusal ??= `Your ${byokProvider(route.providerSlug)?.name ?? route.providerSlug} key was refused: ${message.replace(/\.$/, "")}.`;
        continue;
      }
      await recordAttempt(taskId, { ...attempt, outcome: error.kind, message, latencyMs });
      if (error.kind === "rejected") {
        recordSuccess(circuit);
        await finishTask(taskId, { kind: "fail", code: "rejected", message: `The upstream refused this input: ${message}. Nothing was charged.` });
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
      byokUsed: ownKey,
    });
    if (!won) {
      // Cancelled while we were submitting: tell the upstream where it listens.
      await adapterFor(resolved.protocol).cancel(resolved.endpoint, submitted.ref).catch(() => "unsupported");
      return;
    }
    const submittedAt = new Date();
    const advance = {
      id: taskId,
      accountId: task.accountId,
      state: "queuing",
      providerSlug: route.providerSlug,
      simulated: resolved.simulated,
      byokUsed: ownKey,
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

  // Only the fee is held: the platform's credentials may not stand in, and a refused key stays refused.
  if (task.byokFeeMicros !== null && task.mode === "live" && !task.byokFallback && (refusal || list.length === 0)) {
    await finishTask(taskId, {
      kind: "fail",
      code: "credential_refused",
      message: `${refusal ?? "Your own key for this model's upstreams was removed before the task ran."} ${ownKeyHelp}`,
    });
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
