import { z } from "zod";
import { AppError } from "@/lib/errors";

// The request shapes of /replicate/v1 (PROTOCOLS.md §3). `input` is checked against the chosen
// variant in toCatalogInput, so here it is only "an object".

export const webhookEvents = ["start", "output", "logs", "completed"] as const;
export type WebhookEventName = (typeof webhookEvents)[number];

export const createPredictionBody = z.object({
  input: z.record(z.string(), z.unknown(), { error: "must be an object of the model's inputs" }),
  webhook: z.string().max(2048, "must be at most 2048 characters").nullish(),
  webhook_events_filter: z.array(z.enum(webhookEvents)).max(webhookEvents.length).nullish(),
});
export type CreatePredictionBody = z.infer<typeof createPredictionBody>;

export const modelParams = z.object({
  owner: z.string().trim().toLowerCase().min(1).max(100),
  name: z.string().trim().toLowerCase().min(1).max(100),
});

/** Any id is looked up, so one from elsewhere (a real Replicate id) is a plain 404. */
export const predictionParams = z.object({ id: z.string().min(1).max(64) });

export const listPredictionsQuery = z.object({ cursor: z.string().max(200).optional() });

export const MAX_WAIT_SEC = 60;

/**
 * Seconds to hold a create open, from `Prefer: wait` (60) or `Prefer: wait=N` (1 to 60); null when
 * the client did not ask to wait. Other preferences in the header are not ours to judge.
 */
export function preferWaitSec(header: string | null): number | null {
  const preference = header
    ?.split(",")
    .map((p) => p.trim())
    .find((p) => /^wait\b/i.test(p));
  if (!preference) return null;
  const match = /^wait(?:\s*=\s*"?(\d{1,3})"?)?$/i.exec(preference);
  const seconds = match ? (match[1] === undefined ? MAX_WAIT_SEC : Number(match[1])) : NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_WAIT_SEC) {
    throw new AppError("validation_error", `Prefer: "${preference.slice(0, 40)}" is not "wait" or "wait=N" with N from 1 to ${MAX_WAIT_SEC}.`, {
      param: "Prefer",
      issues: [{ path: "Prefer", message: `must be wait or wait=N with N from 1 to ${MAX_WAIT_SEC}` }],
    });
  }
  return seconds;
}
