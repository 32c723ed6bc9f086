import "server-only";
import { submittedEndpoint } from "@/lib/byok";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { adapterFor } from "@/lib/providers/adapters";
import { endpointFor, protocolOf, providerOf } from "@/lib/providers/endpoints";
import { UpstreamError, type UpstreamProtocol, upstreamProtocols, type UpstreamRef } from "@/lib/providers/types";
import { addJobNow, jobNames } from "./queue";
import { isValidWebhookToken, webhookSecretFor } from "./upstream-webhooks";

export type IncomingWebhook = {
  protocol: string;
  taskId: string | null;
  token: string | null;
  headers: Headers;
  rawBody: Uint8Array;
};

/**
 * An upstream's webhook about one of our tasks: checked twice (our token in the URL, the
 * upstream's signature on the body), then handed to the worker as a poll that already knows the
 * answer, so webhooks and polling share one transition. Duplicates collapse on the job key and,
 * failing that, on the task's conditional transition.
 */
export async function receiveUpstreamWebhook(hook: IncomingWebhook): Promise<"queued" | "ignored"> {
  if (!(upstreamProtocols as readonly string[]).includes(hook.protocol)) throw new AppError("not_found", "No such upstream.");
  const protocol = hook.protocol as UpstreamProtocol;
  if (!hook.taskId || !hook.token || !isValidWebhookToken(hook.taskId, hook.token)) {
    throw new AppError("unauthorized", "This webhook URL was not issued by this gateway.");
  }
  const task = await db.task.findUnique({
    where: { id: hook.taskId },
    select: { id: true, accountId: true, state: true, providerSlug: true, simulated: true, byokUsed: true, upstream: true },
  });
  if (!task) throw new AppError("not_found", "No such task.");
  if (task.state === "success" || task.state === "fail") return "ignored";
  // Before the worker records which route accepted the job, the protocol in the URL says which.
  const provider = task.providerSlug ?? null;
  if (provider && protocolOf(provider) !== protocol) throw new AppError("not_found", "This task runs on another upstream.");
  // A job on the account's own credential is verified with it once the submit is recorded; a webhook
  // before that is checked as the platform's, which only Replicate's secret tells apart (and
  // Replicate retries the final event).
  const { resolved } = task.byokUsed
    ? await submittedEndpoint(task)
    : { resolved: endpointFor(provider ?? providerOf(protocol), task.simulated) };
  if (!resolved) throw new AppError("service_unavailable", "This upstream is not configured here.");

  const secret = await webhookSecretFor(task.id, protocol, resolved.endpoint);
  let event;
  try {
    event = await adapterFor(protocol).verifyWebhook(resolved.endpoint, { headers: hook.headers, rawBody: hook.rawBody }, secret);
  } catch (error) {
    if (error instanceof UpstreamError && error.kind === "rejected") throw new AppError("unauthorized", "The webhook signature does not verify.");
    throw error;
  }
  if (!event) return "ignored";
  const ref = task.upstream as UpstreamRef | null;
  if (ref && ref.id !== event.upstreamId) return "ignored";
  // Its own key (see schedulePoll): duplicates of one webhook collapse, the poll chain stays apart.
  await addJobNow(jobNames.poll, { taskId: task.id, status: event.status }, { jobKey: `outcome:${task.id}` });
  return "queued";
}
