import { createHash } from "node:crypto";
import type { Pace } from "../durations";

// Official models the catalog routes to on Replicate (PROTOCOLS.md §3). FLUX.2 models get their
// full input schema; the others a common one (prompt, aspect_ratio, seed, output_format).

export type ReplicateFormat = "webp" | "jpg" | "png";

export type ReplicateModel = {
  schema: "flux-2" | "common";
  /** flex adds steps, guidance and prompt_upsampling. */
  flex?: boolean;
  maxImages: number;
  defaultRatio: string;
  /** Megapixels for a ratio-sized image. */
  megapixels: number;
  formats: ReplicateFormat[];
  defaultFormat: ReplicateFormat;
  /** FLUX.2 and most image models return one URI; a few return a list. */
  output: "string" | "array";
  pace: Pace;
  kontextMax?: boolean;
};

const flux2 = (pace: Pace, extra: Partial<ReplicateModel> = {}): ReplicateModel => ({
  schema: "flux-2",
  maxImages: 8,
  defaultRatio: "1:1",
  megapixels: 1,
  formats: ["webp", "jpg", "png"],
  defaultFormat: "webp",
  output: "string",
  pace,
  ...extra,
});

const common = (pace: Pace, extra: Partial<ReplicateModel> = {}): ReplicateModel => ({
  schema: "common",
  maxImages: 1,
  defaultRatio: "1:1",
  megapixels: 1,
  formats: ["webp", "jpg", "png"],
  defaultFormat: "webp",
  output: "string",
  pace,
  ...extra,
});

export const replicateModels: Record<string, ReplicateModel> = {
  "black-forest-labs/flux-2-pro": flux2({ fixedMs: 3_200 }),
  "black-forest-labs/flux-2-max": flux2({ fixedMs: 5_000 }),
  "black-forest-labs/flux-2-flex": flux2({ msPerStepMp: 160, defaultSteps: 30 }, { flex: true, maxImages: 10 }),
  "black-forest-labs/flux-kontext-pro": common({ fixedMs: 3_600 }, { formats: ["jpg", "png"], defaultFormat: "png" }),
  "black-forest-labs/flux-kontext-max": common({ fixedMs: 4_800 }, { formats: ["jpg", "png"], defaultFormat: "png", kontextMax: true }),
  "black-forest-labs/flux-1.1-pro": common({ fixedMs: 3_000 }),
  "black-forest-labs/flux-1.1-pro-ultra": common(
    { fixedMs: 3_000 },
    { defaultRatio: "16:9", megapixels: 4, formats: ["jpg", "png"], defaultFormat: "jpg" },
  ),
  "ideogram-ai/ideogram-character": common({ fixedMs: 5_000 }, { formats: ["png"], defaultFormat: "png" }),
  "qwen/qwen-image": common({ msPerStepMp: 90, defaultSteps: 30 }, { defaultRatio: "16:9", output: "array" }),
  "qwen/qwen-image-edit": common({ msPerStepMp: 90, defaultSteps: 30 }, { output: "array" }),
};

/** A stable 64-hex version id per model, as Replicate shows for each model's latest version. */
export function versionOf(model: string): string {
  return createHash("sha256").update(`simulated:${model}`).digest("hex");
}

export function modelForVersion(version: string): string | undefined {
  const [named, hash] = version.split(":");
  if (hash !== undefined) return Object.hasOwn(replicateModels, named!) ? named : undefined;
  return Object.keys(replicateModels).find((model) => versionOf(model) === version);
}
