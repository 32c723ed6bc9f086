// What a Replicate client expects of the official models the catalog also serves (PROTOCOLS.md §3):
// the name of the input that carries images, whether `output` is one URI or a list, and the
// defaults Replicate's own schema fills in where they differ from the catalog's. Pure data.

export type ReplicateModelSpec = {
  /** The input naming the reference images, and whether it takes a list or one URI. */
  images: { field: string; list: boolean };
  /** FLUX.2 and most image models answer one URI; a few answer a list even for one image. */
  output: "string" | "array";
  /** Replicate's defaults, applied when the client leaves the field out and the variant offers the value. */
  defaults: Record<string, unknown>;
};

const standard: ReplicateModelSpec = { images: { field: "input_images", list: true }, output: "string", defaults: {} };
const flux2: ReplicateModelSpec = { ...standard, defaults: { aspect_ratio: "1:1", output_format: "webp" } };
const kontext: ReplicateModelSpec = { ...standard, images: { field: "input_image", list: false } };
const qwen: ReplicateModelSpec = { images: { field: "image", list: false }, output: "array", defaults: {} };

const specs: Record<string, ReplicateModelSpec> = {
  "black-forest-labs/flux-2-pro": flux2,
  "black-forest-labs/flux-2-max": flux2,
  "black-forest-labs/flux-2-flex": flux2,
  "black-forest-labs/flux-kontext-pro": kontext,
  "black-forest-labs/flux-kontext-max": kontext,
  "qwen/qwen-image": qwen,
  "qwen/qwen-image-edit": qwen,
  "ideogram-ai/ideogram-character": { ...standard, images: { field: "character_reference_image", list: false } },
};

/** The spec of a Replicate model id (`owner/name`, lower case); any other id gets the common shape. */
export function replicateModelSpec(modelId: string): ReplicateModelSpec {
  return specs[modelId] ?? standard;
}

/**
 * Replicate's `resolution` input for the FLUX.2 models, onto the catalog's resolution tiers: 1K
 * renders about 1 MP and 2K about 4 MP (2048 px on the long side). "0.5 MP", "2 MP" and
 * "match_input_image" have no tier and are refused rather than silently rounded.
 */
export const resolutionTiers: Record<string, string> = { "1 MP": "1K", "4 MP": "2K" };
export const DEFAULT_RESOLUTION = "1 MP";
