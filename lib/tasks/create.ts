import "server-only";
import { reserveHold } from "@/lib/billing";
import { sizeFor } from "@/lib/catalog/size";
import { db, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { completeIdempotencyKey, type IdempotencyClaim } from "@/lib/idempotency";
import { newId } from "@/lib/ids";
import type { KeyContext } from "@/lib/keys";
import { isRealUpstreamConfigured, resolveEndpoint } from "@/lib/providers/endpoints";
import { acquireTaskSlot } from "@/lib/ratelimit";
import { addJob, jobNames } from "./queue";
import { generationVariant, type GenerationVariant } from "./variants";

type Tx = Prisma.TransactionClient;

export type TaskSurface = "task_api" | "openai" | "replicate" | "mcp" | "playground";

export type NewTask = {
  key: Pick<KeyContext, "keyId" | "accountId" | "mode">;
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
 * Inserts a task with everything it needs to run, in the caller's transaction: an in-flight slot,
 * the task row, the hold on its price (live keys; test keys run free on the simulator) and the
 * queue job. All of it commits together or not at all.
 */
export async function insertTask(
  tx: Tx,
  task: NewTask,
  found: GenerationVariant,
  input: Record<string, unknown>,
): Promise<string> {
  const { variant } = found;
  const { accountId, keyId, mode } = task.key;
  const taskId = newId("task");
  const priceMicros = mode === "live" ? variant.priceMicros : 0;
  const size = sizeFor(
    { familySlug: variant.family.slug, resolutionTier: variant.resolutionTier },
    typeof input.aspect_ratio === "string" ? input.aspect_ratio : undefined,
  );

  if (!(await acquireTaskSlot(accountId, tx))) {
    throw new AppError(
      "rate_limited",
      "Too many tasks in flight for this account; wait for some to finish (recordInfo shows their state) and retry.",
      { retryAfterSec: 2 },
    );
  }
  await tx.task.create({
    data: {
      id: taskId,
      accountId,
      apiKeyId: keyId,
      variantSlug: variant.slug,
      modelRequested: task.model,
      mode,
      surface: task.surface,
      input: input as Prisma.InputJsonValue,
      width: size.width,
      height: size.height,
      priceMicros: BigInt(priceMicros),
      callbackUrl: task.callbackUrl ?? null,
      simulated: isSimulated(found, mode),
      deadlineAt: new Date(Date.now() + env.TASK_DEADLINE_SEC * 1000),
    },
  });
  if (priceMicros > 0) await reserveHold(tx, { accountId, apiKeyId: keyId, amountMicros: priceMicros, taskId });
  await addJob(tx, jobNames.submit, { taskId }, { jobKey: `submit:${taskId}` });
  return taskId;
}

/** createTask: validates, then creates the task (and records the idempotent answer) in one transaction. */
export async function createTask(task: NewTask, idempotency: IdempotencyClaim | null = null): Promise<{ taskId: string }> {
  const found = await variantForRequest(task.model, task.key.mode);
  const input = parseInput(found, task.input);
  return db.$transaction(async (tx) => {
    const taskId = await insertTask(tx, task, found, input);
    if (idempotency) await completeIdempotencyKey(idempotency, { ok: true, data: { taskId } }, tx);
    return { taskId };
  });
}
