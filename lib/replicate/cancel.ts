import "server-only";
import { AppError } from "@/lib/errors";
import { cancelTask } from "@/lib/tasks";
import type { Prediction } from "./prediction";
import { assertPrediction, getPrediction } from "./read";

/**
 * POST /predictions/{id}/cancel: the task API's cancel (a prediction not yet generating ends
 * `canceled`, its hold released). One that has already ended is answered as it is, as Replicate
 * does; one already generating cannot be stopped here and is refused with 409.
 */
export async function cancelPrediction(accountId: string, id: string, baseUrl: string): Promise<Prediction> {
  await assertPrediction(accountId, id);
  try {
    await cancelTask(accountId, id);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
    const current = await getPrediction(accountId, id, baseUrl);
    if (current.completed_at === null) throw error;
    return current;
  }
  return getPrediction(accountId, id, baseUrl);
}
