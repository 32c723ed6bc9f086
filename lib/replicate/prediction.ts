import "server-only";
import type { Prisma, Task } from "@/lib/db/generated/client";
import { mediaUrl } from "@/lib/tasks/view";
import { replicateModelSpec } from "./models";

// A task as Replicate's prediction object (PROTOCOLS.md §3), for the /replicate/v1 routes and the
// completion webhook alike. The id is the task id, so the task API and the dashboard name it the same.

export const REPLICATE_PATH = "/replicate/v1";

export const predictionMediaSelect = {
  select: { id: true, position: true, contentType: true, expiresAt: true },
} as const satisfies Prisma.Task$mediaArgs;

export type PredictionTask = Pick<
  Task,
  | "id"
  | "modelRequested"
  | "variantSlug"
  | "state"
  | "input"
  | "failCode"
  | "failMsg"
  | "progress"
  | "simulated"
  | "createdAt"
  | "submittedAt"
  | "startedAt"
  | "finishedAt"
> & { media: { id: string; position: number; contentType: string; expiresAt: Date }[] };

export type PredictionStatus = "starting" | "processing" | "succeeded" | "failed" | "canceled";

export type Prediction = {
  id: string;
  model: string;
  version: string;
  input: unknown;
  logs: string;
  output: string | string[] | null;
  error: string | null;
  status: PredictionStatus;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  data_removed: boolean;
  metrics: { predict_time?: number; total_time?: number };
  urls: { get: string; cancel: string; web: string };
};

/** A deadline or an upstream failure is `failed` too: the client's wait loop knows no other end. */
export function predictionStatus(task: Pick<Task, "state" | "failCode">): PredictionStatus {
  switch (task.state) {
    case "waiting":
    case "queuing":
      return "starting";
    case "generating":
      return "processing";
    case "success":
      return "succeeded";
    case "fail":
      return task.failCode === "canceled" ? "canceled" : "failed";
  }
}

const seconds = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime()) / 1000;

/** A progress line in the shape the client's parseProgressFromLogs reads ("40%|████      | 40/100"). */
function logsOf(task: PredictionTask, status: PredictionStatus): string {
  if (status === "starting" && task.state === "waiting") return "";
  const lines = [`Running ${task.variantSlug}${task.simulated ? " on the simulator" : ""}`];
  const progress = status === "succeeded" ? 100 : status === "processing" ? (task.progress ?? 0) : null;
  if (progress !== null) {
    const bar = "█".repeat(Math.round(progress / 10)).padEnd(10);
    lines.push(`${String(progress).padStart(3)}%|${bar}| ${progress}/100`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `output` is our own media URL (never the upstream's), one string or a list as the Replicate model
 * answers. Once the images have expired `data_removed` is true and `output` null. `input` is the
 * input that ran: the variant's own names, defaults filled in. `urls.web` is the model's page.
 */
export function toPrediction(task: PredictionTask, baseUrl: string, now = new Date()): Prediction {
  const status = predictionStatus(task);
  const media = [...task.media].sort((a, b) => a.position - b.position).filter((m) => m.expiresAt > now);
  const succeeded = status === "succeeded";
  const urls = media.map((m) => mediaUrl(baseUrl, m));
  const output = !succeeded || urls.length === 0 ? null : replicateModelSpec(task.modelRequested).output === "array" || urls.length > 1 ? urls : urls[0]!;
  const startedAt = task.startedAt ?? (succeeded ? (task.submittedAt ?? task.createdAt) : null);
  const finishedAt = task.finishedAt;
  const api = `${baseUrl}${REPLICATE_PATH}/predictions/${task.id}`;
  return {
    id: task.id,
    model: task.modelRequested,
    version: "hidden",
    input: task.input,
    logs: logsOf(task, status),
    output,
    error: status === "failed" ? task.failMsg || "The generation failed; nothing was charged." : null,
    status,
    created_at: task.createdAt.toISOString(),
    started_at: startedAt?.toISOString() ?? null,
    completed_at: finishedAt?.toISOString() ?? null,
    data_removed: succeeded && urls.length === 0,
    metrics: finishedAt ? { predict_time: startedAt ? seconds(startedAt, finishedAt) : 0, total_time: seconds(task.createdAt, finishedAt) } : {},
    urls: { get: api, cancel: `${api}/cancel`, web: `${baseUrl}/models/${task.variantSlug}` },
  };
}
