import type { Reply } from "../http-io";
import type { Job, JobEngine } from "../job-engine";
import type { FalInput } from "./schemas";

// How fal shows one request: its queue status, its result (or error) and its webhook body.

export type FalMeta = {
  app: string;
  input: FalInput;
  prompt: string;
  webhookUrl: string | null;
  urls: { response_url: string; status_url: string; cancel_url: string };
};
export type FalJob = Job<FalMeta>;

type FalError = { status: number; errorType: string; body: Record<string, unknown> };

function errorOf(job: FalJob): FalError | null {
  const outcome = job.outcome;
  if (!outcome || outcome.kind === "succeeded") return null;
  if (outcome.kind === "moderated") {
    const msg = "The content could not be processed because it contained material flagged by a content checker.";
    const detail = [{ loc: ["body", "prompt"], msg, type: "content_policy_violation", input: job.meta.prompt }];
    return { status: 422, errorType: "content_policy_violation", body: { detail } };
  }
  if (outcome.kind === "canceled") return { status: 400, errorType: "request_cancelled", body: { detail: "Request was cancelled" } };
  return { status: 500, errorType: "internal_server_error", body: { detail: outcome.message } };
}

function messageOf(error: FalError): string {
  const detail = error.body.detail;
  return typeof detail === "string" ? detail : ((detail as { msg: string }[])[0]?.msg ?? "Request failed");
}

/** Falls from 2 to 0 over the queue phase. */
export function queuePosition(job: FalJob): number {
  const queueMs = Math.max(1, job.timeline.queueMs);
  const remaining = Math.max(0, job.createdAt + queueMs - Date.now()) / queueMs;
  return Math.min(2, Math.floor(remaining * 2.999));
}

function logsOf(job: FalJob, engine: JobEngine) {
  if (job.startedAt === null) return [];
  const progress = engine.progress(job);
  const steps = job.meta.input.steps;
  const logs = [{ message: "Starting generation", level: "INFO", source: "user", timestamp: new Date(job.startedAt).toISOString() }];
  for (let tenth = 1; tenth <= Math.floor(progress * 10); tenth++) {
    const at = new Date(job.startedAt + (tenth / 10) * job.timeline.runMs).toISOString();
    const message = steps ? `Step ${Math.round((steps * tenth) / 10)}/${steps}` : `Generating: ${tenth * 10}%`;
    logs.push({ message, level: "INFO", source: "user", timestamp: at });
  }
  return logs;
}

export function statusReply(job: FalJob, engine: JobEngine, withLogs: boolean): Reply {
  const { response_url } = job.meta.urls;
  const logs = withLogs ? { logs: logsOf(job, engine) } : {};
  if (job.phase === "queued") return { status: 202, body: { status: "IN_QUEUE", queue_position: queuePosition(job), response_url } };
  if (job.phase === "running") return { status: 202, body: { status: "IN_PROGRESS", response_url, ...logs } };
  const error = errorOf(job);
  const inferenceTime = job.startedAt && job.completedAt ? (job.completedAt - job.startedAt) / 1000 : null;
  return {
    status: 200,
    body: {
      status: "COMPLETED",
      response_url,
      ...logs,
      ...(inferenceTime !== null ? { metrics: { inference_time: inferenceTime } } : {}),
      ...(error ? { error: messageOf(error), error_type: error.errorType } : {}),
    },
  };
}

function payloadOf(job: FalJob) {
  const outcome = job.outcome;
  if (outcome?.kind !== "succeeded") return null;
  const images = outcome.images.map((image) => ({
    url: image.file ? image.file.url : `data:${image.contentType};base64,${image.data!.toString("base64")}`,
    content_type: image.contentType,
    file_name: image.file?.fileName ?? `${job.id}.${image.spec.format}`,
    file_size: image.sizeBytes,
    width: image.spec.width,
    height: image.spec.height,
  }));
  return {
    images,
    seed: outcome.images[0]!.spec.seed,
    prompt: job.meta.prompt,
    timings: { inference: ((job.completedAt ?? 0) - (job.startedAt ?? 0)) / 1000 },
    has_nsfw_concepts: images.map(() => false),
  };
}

export function resultReply(job: FalJob): Reply {
  if (job.phase !== "done") return { status: 400, body: { detail: "Request is still in progress" } };
  const error = errorOf(job);
  if (error) {
    return { status: error.status, body: { ...error.body, error_type: error.errorType }, headers: { "x-fal-error-type": error.errorType } };
  }
  return { status: 200, body: payloadOf(job), headers: { "x-fal-request-id": job.id } };
}

export function webhookBody(job: FalJob): string {
  const error = errorOf(job);
  return JSON.stringify({
    request_id: job.id,
    gateway_request_id: job.id,
    status: error ? "ERROR" : "OK",
    payload: error ? error.body : payloadOf(job),
    error: error ? `Invalid status code: ${error.status}` : null,
  });
}
