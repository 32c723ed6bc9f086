import "server-only";
import { submittedEndpoint } from "@/lib/byok";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { adapterFor } from "@/lib/providers/adapters";
import type { UpstreamRef } from "@/lib/providers/types";
import { finishTask } from "./transitions";

const cancelled = "Cancelled by the client before it ran; nothing was charged.";

/**
 * Cancels a task that has not started generating: a waiting one at once; a queued one only if its
 * upstream confirms the cancel (fal, Replicate). Its hold is released in the same transition.
 */
export async function cancelTask(accountId: string, taskId: string): Promise<{ taskId: string; state: "fail" }> {
  const task = await db.task.findFirst({
    where: { id: taskId, accountId },
    select: { accountId: true, state: true, providerSlug: true, simulated: true, byokUsed: true, upstream: true },
  });
  if (!task) throw new AppError("not_found", `No task ${taskId} on this account.`, { param: "taskId" });
  const tooLate = (why: string) => new AppError("conflict", `Task ${taskId} cannot be cancelled: ${why}.`, { param: "taskId" });

  if (task.state === "success" || task.state === "fail") throw tooLate(`it has already ended (${task.state})`);
  if (task.state === "generating") throw tooLate("the upstream is already generating it, and it will be charged only if it succeeds");
  if (task.state === "queuing") {
    const { resolved } = await submittedEndpoint(task);
    const answer = resolved && task.upstream
      ? await adapterFor(resolved.protocol).cancel(resolved.endpoint, task.upstream as UpstreamRef).catch(() => "too_late" as const)
      : "unsupported";
    if (answer !== "canceled") {
      throw tooLate(answer === "unsupported" ? "its upstream has accepted it and does not support cancelling" : "its upstream has already started it");
    }
  }
  if (!(await finishTask(taskId, { kind: "fail", code: "canceled", message: cancelled }))) {
    throw tooLate("it changed state while being cancelled");
  }
  return { taskId, state: "fail" };
}
