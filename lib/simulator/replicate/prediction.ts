import { randomBytes } from "node:crypto";
import type { Job, JobEngine } from "../job-engine";
import type { ReplicateModel } from "./models";
import type { ReplicateInput, WebhookEvent } from "./schemas";

// A prediction object exactly as Replicate shows one (PROTOCOLS.md §3).

export type ReplicateMeta = {
  model: string;
  version: string;
  spec: ReplicateModel;
  /** The request's input as sent, echoed back in every view. */
  rawInput: Record<string, unknown>;
  input: ReplicateInput;
  seed: number;
  webhook: { url: string; events: ReadonlySet<WebhookEvent> } | null;
};
export type ReplicateJob = Job<ReplicateMeta>;

export const nsfwError = "NSFW content detected. Try running it again, or try a different prompt.";

const base32 = "abcdefghijklmnopqrstuvwxyz234567";

/** Replicate-style ids: 26 lower-case base32 characters. */
export function predictionId(): string {
  return Array.from(randomBytes(26), (byte) => base32[byte % 32]).join("");
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function statusOf(job: ReplicateJob, asProcessing: boolean): string {
  if (job.phase === "queued") return "starting";
  if (job.phase === "running" || asProcessing) return "processing";
  switch (job.outcome?.kind) {
    case "succeeded":
      return "succeeded";
    case "canceled":
      return "canceled";
    default:
      return "failed";
  }
}

function logsOf(job: ReplicateJob, engine: JobEngine): string {
  if (job.startedAt === null) return "";
  const steps = job.meta.input.steps ?? 28;
  const lines = [`Using seed: ${job.meta.seed}`, "Generating image"];
  const reached = job.phase === "done" && job.outcome?.kind === "succeeded" ? 10 : Math.floor(engine.progress(job) * 10);
  for (let tenth = 1; tenth <= reached; tenth++) {
    const step = Math.round((steps * tenth) / 10);
    lines.push(`${String(tenth * 10).padStart(3)}%|${"█".repeat(tenth).padEnd(10)}| ${step}/${steps}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `asProcessing` shows a finished job as it looked just before completing (the `output` webhook). */
export function predictionOf(job: ReplicateJob, engine: JobEngine, publicUrl: string, asProcessing = false) {
  const outcome = job.outcome;
  const urls = outcome?.kind === "succeeded" ? outcome.images.map((image) => image.file!.url) : null;
  const done = job.phase === "done" && !asProcessing;
  const error = !done || !outcome ? null : outcome.kind === "moderated" ? nsfwError : outcome.kind === "failed" ? outcome.message : null;
  const api = `${publicUrl}/replicate/v1/predictions/${job.id}`;
  return {
    id: job.id,
    model: job.meta.model,
    version: job.meta.version,
    input: job.meta.rawInput,
    logs: logsOf(job, engine),
    output: urls ? (job.meta.spec.output === "string" ? urls[0]! : urls) : null,
    data_removed: false,
    error,
    status: statusOf(job, asProcessing),
    source: "api",
    created_at: iso(job.createdAt),
    started_at: iso(job.startedAt),
    completed_at: done ? iso(job.completedAt) : null,
    urls: { cancel: `${api}/cancel`, get: api, stream: `${api}/stream`, web: `${publicUrl}/replicate/p/${job.id}` },
    metrics:
      done && job.completedAt !== null
        ? {
            predict_time: job.startedAt === null ? 0 : (job.completedAt - job.startedAt) / 1000,
            total_time: (job.completedAt - job.createdAt) / 1000,
          }
        : {},
  };
}
