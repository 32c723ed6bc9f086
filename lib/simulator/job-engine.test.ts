import { afterEach, describe, expect, it } from "vitest";
import { faultsFor } from "./directives";
import { createFileStore } from "./file-store";
import { createJobEngine, type FinishedJob, type JobSpec } from "./job-engine";
import type { RenderSpec } from "./render-image";
import { createTimers } from "./timers";

const started: ReturnType<typeof createTimers>[] = [];
afterEach(() => started.splice(0).forEach((timers) => timers.stop()));

function engineWith(options: { maxActive?: number; onFinished?: (job: FinishedJob) => void } = {}) {
  const timers = createTimers();
  started.push(timers);
  const renders: RenderSpec[] = [];
  const engine = createJobEngine({
    files: createFileStore({ publicUrl: "http://sim.test", timers }),
    timers,
    speed: 1_000,
    ...options,
    render: async (spec) => {
      renders.push(spec);
      return Buffer.from(`${spec.prompt}:${spec.seed}`);
    },
  });
  return { engine, renders };
}

function spec(prompt: string, seed: number, hang = false): JobSpec<null> {
  return {
    protocol: "bfl",
    credential: "k",
    model: "flux-2-pro",
    renders: [{ prompt, seed, model: "flux-2-pro", width: 64, height: 64, format: "jpeg" }],
    timeline: { queueMs: 1, runMs: 1, hang },
    faults: faultsFor(prompt, "bfl"),
    fileTtlMs: 60_000,
    meta: null,
  };
}

async function run(engine: ReturnType<typeof engineWith>["engine"], specs: JobSpec<null>[]) {
  const jobs = specs.map((s) => engine.submit(s));
  await Promise.all(jobs.map((job) => engine.settled(job, 5_000, new AbortController().signal)));
  return jobs;
}

describe("createJobEngine", () => {
  it("renders a repeated spec once and gives every job its own file of the same bytes", async () => {
    const { engine, renders } = engineWith();
    const jobs = await run(engine, [spec("a", 1), spec("a", 1), spec("a", 2), spec("b", 1)]);
    expect(renders.map((r) => `${r.prompt}:${r.seed}`)).toEqual(["a:1", "a:2", "b:1"]);
    const images = jobs.map((job) => (job.outcome?.kind === "succeeded" ? job.outcome.images[0]! : null));
    expect(images.map((image) => image?.sizeBytes)).toEqual([3, 3, 3, 3]);
    expect(new Set(images.map((image) => image?.file?.id)).size).toBe(4);
  });

  it("keeps the 32 most recently used renders", async () => {
    const { engine, renders } = engineWith();
    await run(engine, Array.from({ length: 32 }, (_, seed) => spec("p", seed)));
    await run(engine, [spec("p", 0)]);
    await run(engine, [spec("p", 32)]);
    await run(engine, [spec("p", 0)]);
    await run(engine, [spec("p", 1)]);
    expect(renders.slice(32).map((r) => r.seed)).toEqual([32, 1]);
  });

  it.each([
    [undefined, 24],
    [3, 3],
  ])("with maxActive %s admits %i active jobs per credential", (maxActive, admitted) => {
    const { engine } = engineWith({ maxActive });
    for (let i = 0; i < admitted; i++) {
      expect(engine.admits("bfl", "k", false)).toBe(true);
      engine.submit(spec("x [sim:hang]", i, true));
    }
    expect(engine.admits("bfl", "k", false)).toBe(false);
    expect(engine.admits("bfl", "other", false)).toBe(true);
    expect(engine.admits("fal", "k", false)).toBe(true);
  });

  it("reports a cancelled job to onFinished", async () => {
    const finished: FinishedJob[] = [];
    const { engine } = engineWith({ onFinished: (job) => finished.push(job) });
    const job = engine.submit(spec("x [sim:hang]", 1, true));
    engine.cancel(job);
    expect(finished).toEqual([
      { upstreamId: job.id, protocol: "bfl", model: "flux-2-pro", prompt: "x [sim:hang]", outcome: "canceled", finishedAt: job.completedAt },
    ]);
  });
});
