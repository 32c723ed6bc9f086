import type { Faults } from "./directives";

/** How long a job spends waiting and generating, already divided by the speed. */
export type Timeline = { queueMs: number; runMs: number; hang: boolean };

/** How a model's generation time grows: with steps x megapixels, or a constant scaled by size. */
export type Pace = { msPerStepMp: number; defaultSteps: number } | { fixedMs: number };

// At speed 1 a job takes about 2-8 s in all, as the real upstreams do for one image.
const queueMs = 400;
const minRunMs = 1_600;
const maxRunMs = 7_600;

export function megapixels(width: number, height: number): number {
  return (width * height) / (1024 * 1024);
}

export function generationMs(pace: Pace, options: { steps?: number; width: number; height: number; images?: number }): number {
  const mp = megapixels(options.width, options.height);
  const perImage =
    "fixedMs" in pace
      ? pace.fixedMs * Math.sqrt(Math.max(0.25, mp))
      : pace.msPerStepMp * (options.steps ?? pace.defaultSteps) * Math.max(0.25, mp);
  const images = options.images ?? 1;
  return Math.min(maxRunMs, Math.max(minRunMs, perImage * (1 + 0.3 * (images - 1))));
}

export function planTimeline(runMs: number, faults: Faults, speed: number): Timeline {
  if (faults.slowMs !== null) {
    // `slow` is wall-clock time whatever the speed, so a test can outlast a client's timeout.
    const queue = Math.min(queueMs, Math.round(faults.slowMs * 0.2));
    return { queueMs: queue, runMs: faults.slowMs - queue, hang: faults.hang };
  }
  return { queueMs: queueMs / speed, runMs: runMs / speed, hang: faults.hang };
}
