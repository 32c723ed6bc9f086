import "server-only";
import { billingRefusal, spendPeriods } from "@/lib/billing";
import { byokPlan } from "@/lib/byok";
import { sizeFor } from "@/lib/catalog/size";
import { db, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import type { IdempotencyClaim } from "@/lib/idempotency";
import { newId } from "@/lib/ids";
import type { KeyContext } from "@/lib/keys";
import { anyRealUpstream, isRealUpstreamConfigured, resolveEndpoint } from "@/lib/providers/endpoints";
import { taskPrice } from "./price";
import { generationVariant, type GenerationVariant } from "./variants";

type Tx = Prisma.TransactionClient;

export type TaskSurface = "task_api" | "openai" | "replicate" | "mcp" | "playground";

export type NewTask = {
  /** keyId null: a task started from a signed-in page (the playground), not with an API key. */
  key: Pick<KeyContext, "accountId" | "mode"> & { keyId: string | null };
  model: string;
  input: unknown;
  callbackUrl?: string;
  surface: TaskSurface;
};

const MAINTENANCE_RETRY_SEC = 300;

/** The variant a request names, refused with the seed table's codes when it cannot run. */
export async function variantForRequest(model: string, mode: "live" | "test"): Promise<GenerationVariant> {
  const found = await generationVariant(model);
  if (!found) {
    throw new AppError("not_found", `The model '${model}' does not exist. GET /v1/models lists the available models.`, {
      param: "model",
    });
  }
  const { variant, routes } = found;
  if (variant.status === "disabled") {
    throw new AppError("feature_disabled", `The model '${model}' is disabled on this gateway.`, { param: "model" });
  }
  if (variant.status === "maintenance") {
    throw new AppError("maintenance", `The model '${model}' is under maintenance; try again later.`, {
      param: "model",
      retryAfterSec: MAINTENANCE_RETRY_SEC,
    });
  }
  if (!routes.some((r) => resolveEndpoint(r.providerSlug, mode))) {
    throw new AppError("service_unavailable", `No upstream is configured for '${model}' on this gateway.`, { param: "model" });
  }
  return found;
}

/** The validated input with defaults filled in; 422 naming every bad field (as `input.<name>` by default). */
export function parseInput(found: GenerationVariant, input: unknown, fieldPrefix = "input"): Record<string, unknown> {
  const parsed = found.inputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, fieldPrefix || undefined);
  return parsed.data;
}

function isSimulated(found: GenerationVariant, mode: "live" | "test"): boolean {
  return mode === "test" || !found.routes.some((r) => isRealUpstreamConfigured(r.providerSlug));
}

/**
 * Inserts a task with everything it needs to run: an in-flight slot, the task row, the hold on its
 * price (live keys; test keys run free on the simulator), the queue job and the idempotent answer.
 * One call of lumigate_create_task (the task_functions and byok migrations): all of it commits
 * together or not at all, in one round trip.
 *
 * A live task of an account with its own credential for one of the model's upstreams costs only
 * the platform fee. Without fallback to the platform's credentials only the fee is held; with it
 * the full price is held, and finishTask captures the fee alone if the account's key served it.
 */
export async function insertTask(
  tx: Tx,
  task: NewTask,
  found: GenerationVariant,
  input: Record<string, unknown>,
  idempotency: IdempotencyClaim | null = null,
): Promise<string> {
  const { variant } = found;
  const { accountId, keyId, mode } = task.key;
  const taskId = newId("task");
  const byok = mode === "live" ? await byokPlan(tx, accountId, found.routes.map((r) => r.providerSlug)) : null;
  const { priceMicros, feeMicros, tiers } = taskPrice(
    { priceMicros: variant.priceMicros, upstreamCostMicros: found.routes[0]?.upstreamCostMicros ?? null },
    mode,
    byok,
  );
  const simulated = byok ? !anyRealUpstream() : isSimulated(found, mode);
  const size = sizeFor(
    { familySlug: variant.family.slug, resolutionTier: variant.resolutionTier },
    typeof input.aspect_ratio === "string" ? input.aspect_ratio : undefined,
  );

  const { day, month } = spendPeriods(new Date());
  const deadline = new Date(Date.now() + env.TASK_DEADLINE_SEC * 1000);
  try {
    await tx.$executeRaw`
      SELECT lumigate_create_task(${taskId}, ${accountId}, ${keyId}::text, ${variant.slug}, ${task.model}, ${mode},
        ${task.surface}, ${JSON.stringify(input)}::jsonb, ${size.width}::int, ${size.height}::int,
        ${BigInt(priceMicros)}::bigint, ${task.callbackUrl ?? null}::text, ${simulated},
        ${deadline}::timestamp, ${day}, ${month}, ${newId("txn")}, ${idempotency?.key ?? null}::text,
        ${feeMicros === null ? null : BigInt(feeMicros)}::bigint, ${byok?.fallback ?? false},
        ${tiers?.pricesMicros ?? null}::bigint[], ${tiers?.thresholdsMicros ?? null}::bigint[])`;
  } catch (error) {
    throw billingRefusal(error, { taskId, amountMicros: priceMicros }) ?? error;
  }
  return taskId;
}

/** createTask: validates, then creates the task (and records the idempotent answer) in one transaction. */
export async function createTask(task: NewTask, idempotency: IdempotencyClaim | null = null): Promise<{ taskId: string }> {
  const found = await variantForRequest(task.model, task.key.mode);
  const input = parseInput(found, task.input);
  // The credential lookup reads; the single statement that writes is its own transaction.
  return { taskId: await insertTask(db, task, found, input, idempotency) };
}
