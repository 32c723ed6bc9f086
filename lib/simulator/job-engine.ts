import { randomUUID } from "node:crypto";
import type { UpstreamProtocol } from "@/lib/providers/types";
import type { Faults } from "./directives";
import type { Timeline } from "./durations";
import type { FileStore, StoredFile } from "./file-store";
import { cachedRender } from "./render-cache";
import { contentTypes, renderImage, type RenderSpec } from "./render-image";
import type { Timers } from "./timers";

// One lifecycle for every protocol: queued -> running -> done, driven by timers. Each protocol
// renders the same job in its own vocabulary (BFL "Pending", fal "IN_QUEUE", Replicate "starting").

export type JobImage = {
  spec: RenderSpec;
  contentType: string;
  sizeBytes: number;
  /** The signed URL, unless the job keeps its bytes. */
  file: StoredFile | null;
  data: Buffer | null;
};

export type JobOutcome =
  | { kind: "succeeded"; images: JobImage[] }
  | { kind: "failed"; message: string }
  | { kind: "moderated"; message: string }
  | { kind: "canceled" };

export type JobSpec<M> = {
  protocol: UpstreamProtocol;
  credential: string;
  model: string;
  /** flux-kontext-max, which BFL caps tighter than everything else. */
  kontextMax?: boolean;
  renders: RenderSpec[];
  timeline: Timeline;
  faults: Faults;
  /** How long result URLs stay valid; null keeps the bytes on the job (OpenAI b64_json, fal sync_mode). */
  fileTtlMs: number | null;
  meta: M;
  id?: string;
};

export type Job<M = unknown> = JobSpec<M> & {
  id: string;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  phase: "queued" | "running" | "done";
  outcome: JobOutcome | null;
  /** Polls answered so far, for `[sim:poll-500]`. */
  polls: number;
};

export type JobEvent = "start" | "done";
export type JobListener = (job: Job, event: JobEvent) => void;

/** A job as it reached its outcome, for whoever started the simulator (benchmarks time from here). */
export type FinishedJob = {
  upstreamId: string;
  protocol: UpstreamProtocol;
  model: string;
  /** The first image's prompt, directives removed. */
  prompt: string;
  outcome: JobOutcome["kind"];
  /** Epoch milliseconds. */
  finishedAt: number;
};

export type JobEngine = {
  /** False when the credential already has its limit of active jobs. */
  admits(protocol: UpstreamProtocol, credential: string, kontextMax: boolean): boolean;
  submit<M>(spec: JobSpec<M>): Job<M>;
  find(id: string, protocol: UpstreamProtocol): Job | undefined;
  list(protocol: UpstreamProtocol, credential: string): Job[];
  /** True when the job was still in flight and is now canceled. */
  cancel(job: Job): boolean;
  /** 0 while queued, rising towards 1 while running, 1 when done. */
  progress(job: Job): number;
  /** Resolves when the job is done, `timeoutMs` passes or `signal` aborts, whichever is first. */
  settled(job: Job, timeoutMs: number, signal: AbortSignal): Promise<void>;
  on(protocol: UpstreamProtocol, listener: JobListener): void;
  activeCount(): number;
  stop(): void;
};

export const maxActiveJobs = 24;
export const maxActiveKontextMaxJobs = 6;
const keptJobs = 5_000;
// A hung job stays in flight forever but gives its concurrency slot back after this long (divided by
// the speed), so a long-running simulator is not locked up for good by 24 `[sim:hang]` jobs.
const hungSlotMs = 10 * 60 * 1000;

export function createJobEngine(options: {
  files: FileStore;
  timers: Timers;
  speed: number;
  /** Active jobs one credential may have; default maxActiveJobs, as BFL allows. */
  maxActive?: number;
  /** Called as each job reaches its outcome, before any webhook about it is sent. */
  onFinished?: (job: FinishedJob) => void;
  /** Draws a job's images; renderImage unless a test counts the calls. */
  render?: (spec: RenderSpec) => Promise<Buffer>;
}): JobEngine {
  const { files, timers, speed, onFinished } = options;
  const maxActive = options.maxActive ?? maxActiveJobs;
  const render = cachedRender(options.render ?? renderImage);
  const jobs = new Map<string, Job>();
  const listeners = new Map<UpstreamProtocol, JobListener[]>();
  const waiters = new Map<string, Set<() => void>>();
  let stopped = false;

  function emit(job: Job, event: JobEvent) {
    for (const listener of listeners.get(job.protocol) ?? []) {
      try {
        listener(job, event);
      } catch (error) {
        console.error(`[simulator] ${job.protocol} ${event} listener failed:`, error);
      }
    }
    if (event === "done") {
      for (const wake of waiters.get(job.id) ?? []) wake();
      waiters.delete(job.id);
    }
  }

  function finish(job: Job, outcome: JobOutcome) {
    if (job.phase === "done" || stopped) return;
    job.phase = "done";
    job.outcome = outcome;
    job.completedAt = Date.now();
    try {
      onFinished?.({
        upstreamId: job.id,
        protocol: job.protocol,
        model: job.model,
        prompt: job.renders[0]?.prompt ?? "",
        outcome: outcome.kind,
        finishedAt: job.completedAt,
      });
    } catch (error) {
      console.error("[simulator] onJobFinished failed:", error);
    }
    emit(job, "done");
  }

  async function generate(job: Job) {
    if (job.phase !== "running" || stopped) return;
    if (job.faults.moderate) return finish(job, { kind: "moderated", message: "Flagged by the content moderation filter" });
    if (job.faults.fail) return finish(job, { kind: "failed", message: "Image generation failed" });
    try {
      const images = await Promise.all(
        job.renders.map(async (spec): Promise<JobImage> => {
          const data = await render(spec);
          const keep = job.fileTtlMs === null;
          return {
            spec,
            contentType: contentTypes[spec.format],
            sizeBytes: data.length,
            file: keep ? null : files.put(data, spec.format, job.fileTtlMs!, { expired: job.faults.expire }),
            data: keep ? data : null,
          };
        }),
      );
      finish(job, { kind: "succeeded", images });
    } catch (error) {
      finish(job, { kind: "failed", message: `Rendering failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function prune() {
    if (jobs.size <= keptJobs) return;
    for (const [id, job] of jobs) {
      if (jobs.size <= keptJobs) break;
      if (job.phase === "done") jobs.delete(id);
    }
  }

  const isActive = (job: Job) => job.phase !== "done";

  return {
    admits(protocol, credential, kontextMax) {
      let total = 0;
      let kontext = 0;
      const hungSince = Date.now() - hungSlotMs / speed;
      for (const job of jobs.values()) {
        if (!isActive(job) || job.protocol !== protocol || job.credential !== credential) continue;
        if (job.timeline.hang && job.createdAt < hungSince) continue;
        total++;
        if (job.kontextMax) kontext++;
      }
      return total < maxActive && (!kontextMax || kontext < maxActiveKontextMaxJobs);
    },

    submit(spec) {
      const job: Job<typeof spec.meta> = {
        ...spec,
        id: spec.id ?? randomUUID(),
        createdAt: Date.now(),
        startedAt: null,
        completedAt: null,
        phase: "queued",
        outcome: null,
        polls: 0,
      };
      jobs.set(job.id, job as Job);
      prune();
      timers.after(job.timeline.queueMs, () => {
        if (job.phase !== "queued" || stopped) return;
        job.phase = "running";
        job.startedAt = Date.now();
        emit(job as Job, "start");
        if (!job.timeline.hang) timers.after(job.timeline.runMs, () => void generate(job as Job));
      });
      return job;
    },

    find(id, protocol) {
      const job = jobs.get(id);
      return job && job.protocol === protocol ? job : undefined;
    },

    list(protocol, credential) {
      return [...jobs.values()].filter((j) => j.protocol === protocol && j.credential === credential).reverse();
    },

    cancel(job) {
      if (job.phase === "done") return false;
      finish(job, { kind: "canceled" });
      return true;
    },

    progress(job) {
      if (job.phase === "done") return 1;
      if (job.phase === "queued" || job.startedAt === null) return 0;
      const runMs = Math.max(1, job.timeline.runMs);
      return Math.min(0.99, (Date.now() - job.startedAt) / runMs);
    },

    settled(job, timeoutMs, signal) {
      if (job.phase === "done" || signal.aborted || stopped) return Promise.resolve();
      return new Promise((resolve) => {
        const set = waiters.get(job.id) ?? new Set<() => void>();
        waiters.set(job.id, set);
        const wake = () => {
          cancelTimer();
          set.delete(wake);
          signal.removeEventListener("abort", wake);
          resolve();
        };
        const cancelTimer = timers.after(timeoutMs, wake);
        signal.addEventListener("abort", wake, { once: true });
        set.add(wake);
      });
    },

    on(protocol, listener) {
      listeners.set(protocol, [...(listeners.get(protocol) ?? []), listener]);
    },

    activeCount() {
      let count = 0;
      for (const job of jobs.values()) if (isActive(job)) count++;
      return count;
    },

    stop() {
      stopped = true;
      for (const set of waiters.values()) for (const wake of set) wake();
      waiters.clear();
    },
  };
}
