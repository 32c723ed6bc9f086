import { z } from "zod";
import { type UpstreamJob, UpstreamError } from "./types";

/** The catalog's parameter names (lib/catalog/param-presets.ts) as the adapters read them. */
const catalogInput = z.looseObject({
  prompt: z.string(),
  image_urls: z.array(z.string()).optional(),
  aspect_ratio: z.string().optional(),
  seed: z.number().int().optional(),
  steps: z.number().int().optional(),
  guidance: z.number().optional(),
  prompt_upsampling: z.boolean().optional(),
  disable_pup: z.boolean().optional(),
  safety_tolerance: z.number().int().optional(),
  output_format: z.string().optional(),
  negative_prompt: z.string().optional(),
  raw: z.boolean().optional(),
  background: z.string().optional(),
  input_fidelity: z.string().optional(),
  quality: z.string().optional(),
  style: z.string().optional(),
});

export type CatalogInput = z.infer<typeof catalogInput>;

export const MATCH_INPUT_IMAGE = "match_input_image";

/** The job's input, typed; a job the gateway should never have built is "rejected". */
export function readInput(job: UpstreamJob): CatalogInput {
  const result = catalogInput.safeParse(job.input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UpstreamError("rejected", `job input ${issue?.path.join(".") || ""}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

export function isMatchInput(input: CatalogInput): boolean {
  return input.aspect_ratio === MATCH_INPUT_IMAGE;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The nearest multiple of `step` inside [min, max] (both multiples of `step`). */
export function snap(value: number, step: number, min: number, max: number): number {
  return clamp(Math.round(value / step) * step, min, max);
}

/** Upstreams report progress as 0–1 or 0–100; the gateway speaks 0–100. */
export function percent(progress: number | null | undefined): number | undefined {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return undefined;
  return Math.round(clamp(progress <= 1 ? progress * 100 : progress, 0, 100));
}

/** The object without its undefined entries, so request bodies carry only what was chosen. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "image/png" for "png"; jpeg, webp alike. */
export function contentTypeFor(format: string | undefined, fallback = "png"): string {
  const f = (format ?? fallback).toLowerCase();
  return `image/${f === "jpg" ? "jpeg" : f}`;
}

const openAiSizes = [
  [1024, 1024],
  [1536, 1024],
  [1024, 1536],
] as const;

/** GPT Image's three sizes: the one whose shape is closest to width x height. */
export function openAiSize(width: number, height: number): string {
  const shape = Math.log(width / height);
  const distance = ([w, h]: readonly [number, number]) => Math.abs(Math.log(w / h) - shape);
  const best = openAiSizes.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return `${best[0]}x${best[1]}`;
}
