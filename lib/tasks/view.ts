import "server-only";
import type { z } from "zod";
import { chargedMicros } from "@/lib/byok";
import { microsToCredits } from "@/lib/catalog/pricing";
import type { Task } from "@/lib/db/generated/client";
import type { recordInfoData } from "./schemas";

export type MediaView = { id: string; position: number; contentType: string; width: number; height: number };

type TaskWithMedia = Pick<
  Task,
  | "id"
  | "modelRequested"
  | "state"
  | "input"
  | "callbackUrl"
  | "failCode"
  | "failMsg"
  | "progress"
  | "queuePosition"
  | "simulated"
  | "priceMicros"
  | "byokFeeMicros"
  | "byokUsed"
  | "createdAt"
  | "updatedAt"
  | "submittedAt"
  | "finishedAt"
> & { media: MediaView[] };

const extensions: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** Our own URL of a stored image (never the upstream's, which expires in minutes). */
export function mediaUrl(baseUrl: string, media: Pick<MediaView, "id" | "contentType">): string {
  return `${baseUrl}/media/${media.id}.${extensions[media.contentType] ?? "bin"}`;
}

export function thumbnailUrl(baseUrl: string, media: Pick<MediaView, "id">): string {
  return `${baseUrl}/media/${media.id}.thumb.webp`;
}

/**
 * A task as recordInfo and callbacks show it (PROTOCOLS.md §4): `param` and `resultJson` are JSON
 * strings, times are epoch milliseconds. Lumigate adds progress, queue position, the charge,
 * whether the simulator made the images and, for a task that could run on the account's own key,
 * whether it did and the fee that costs.
 */
export function toRecordInfo(task: TaskWithMedia, baseUrl: string): RecordInfo {
  const media = [...task.media].sort((a, b) => a.position - b.position);
  const isSuccess = task.state === "success";
  const charged = isSuccess ? chargedMicros(task) : 0n;
  const finished = task.finishedAt?.getTime() ?? null;
  return {
    taskId: task.id,
    model: task.modelRequested,
    state: task.state,
    param: JSON.stringify({
      model: task.modelRequested,
      input: task.input,
      ...(task.callbackUrl ? { callBackUrl: task.callbackUrl } : {}),
    }),
    resultJson: isSuccess
      ? JSON.stringify({
          resultUrls: media.map((m) => mediaUrl(baseUrl, m)),
          thumbnailUrls: media.map((m) => thumbnailUrl(baseUrl, m)),
          images: media.map((m) => ({ width: m.width, height: m.height, contentType: m.contentType })),
        })
      : "",
    failCode: task.failCode ?? "",
    failMsg: task.failMsg ?? "",
    costTime: finished === null ? null : finished - (task.submittedAt ?? task.createdAt).getTime(),
    completeTime: finished,
    createTime: task.createdAt.getTime(),
    updateTime: task.updatedAt.getTime(),
    progress: isSuccess ? 100 : task.progress ?? 0,
    queuePosition: task.queuePosition,
    creditsCharged: microsToCredits(charged),
    costMicros: Number(charged),
    simulated: task.simulated,
    ...(task.byokFeeMicros === null ? {} : { byok: { ownKey: task.byokUsed, feeMicros: Number(task.byokFeeMicros) } }),
  };
}

export type RecordInfo = z.infer<typeof recordInfoData>;
