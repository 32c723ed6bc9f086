import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type RecordInfo, toRecordInfo } from "./view";

const mediaSelect = { select: { id: true, position: true, contentType: true, width: true, height: true } } as const;

/** A task of this account as recordInfo shows it; another account's task is as absent as a made-up id. */
export async function getTaskInfo(accountId: string, taskId: string, baseUrl: string): Promise<RecordInfo> {
  const task = await db.task.findFirst({ where: { id: taskId, accountId }, include: { media: mediaSelect } });
  if (!task) throw new AppError("not_found", `No task ${taskId} on this account.`, { param: "taskId" });
  return toRecordInfo(task, baseUrl);
}

/** Several tasks at once, in the order asked for (the OpenAI-compatible routes wait on n of them). */
export async function getTaskInfos(accountId: string, taskIds: string[], baseUrl: string): Promise<RecordInfo[]> {
  const tasks = await db.task.findMany({ where: { id: { in: taskIds }, accountId }, include: { media: mediaSelect } });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return taskIds.flatMap((id) => {
    const task = byId.get(id);
    return task ? [toRecordInfo(task, baseUrl)] : [];
  });
}
