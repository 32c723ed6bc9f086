import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { KeyContext } from "@/lib/keys";
import { insertTask, variantForRequest, waitForTasks } from "@/lib/tasks";
import { toCatalogInput } from "./input";
import { pickVariant } from "./pick-variant";
import type { Prediction } from "./prediction";
import { getPrediction } from "./read";
import { resolveModel } from "./resolve";
import { type CreatePredictionBody, webhookEvents } from "./schemas";

export type CreatePrediction = {
  key: KeyContext;
  owner: string;
  name: string;
  body: CreatePredictionBody;
  /** From `Prefer: wait[=N]`: hold the answer until the prediction ends or this many seconds pass. */
  waitSec: number | null;
  baseUrl: string;
};

function invalidWebhook(message: string): AppError {
  return new AppError("validation_error", `webhook: ${message}`, { param: "webhook", issues: [{ path: "webhook", message }] });
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Where the completion webhook goes, or undefined when none is wanted. Only the final prediction is
 * sent, signed and retried like a task callback: it goes out when the filter asks for `completed`
 * or `output` (the final output arrives with completion); `start` and `logs` alone send nothing.
 */
function completionWebhook(body: CreatePredictionBody): string | undefined {
  if (!body.webhook) return undefined;
  let url: URL;
  try {
    url = new URL(body.webhook);
  } catch {
    throw invalidWebhook("must be an https URL");
  }
  const isLocal = env.CALLBACKS_ALLOW_LOOPBACK && url.protocol === "http:" && isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !isLocal) throw invalidWebhook("must be an https URL");
  const events: readonly string[] = body.webhook_events_filter ?? webhookEvents;
  return events.includes("completed") || events.includes("output") ? url.toString() : undefined;
}

/**
 * POST /models/{owner}/{name}/predictions: one task through the same insert as createTask (hold,
 * spend caps, in-flight slot, queue job), then the prediction, after waiting if asked to.
 */
export async function createPrediction(req: CreatePrediction): Promise<Prediction> {
  const choice = await resolveModel(req.owner, req.name);
  const { variant, consumed } = pickVariant(choice, req.body.input);
  const found = await variantForRequest(variant.slug, req.key.mode);
  const input = toCatalogInput(choice.id, found, req.body.input, consumed);
  const callbackUrl = completionWebhook(req.body);
  const taskId = await insertTask(db, { key: req.key, model: choice.id, input, callbackUrl, surface: "replicate" }, found, input);
  if (req.waitSec !== null) await waitForTasks([taskId], req.waitSec * 1000);
  return getPrediction(req.key.accountId, taskId, req.baseUrl);
}
