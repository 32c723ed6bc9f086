import { AppError } from "@/lib/errors";
import { aspectRatioForSize } from "@/lib/catalog/size";
import type { VariantView } from "@/lib/catalog/types";
import { DEFAULT_RESOLUTION, replicateModelSpec, resolutionTiers } from "./models";

// Pure: which catalog variant serves a Replicate request. A family-level id (an alias such as
// black-forest-labs/flux-2-pro) stands for all of its family's variants, as one Replicate model
// does: reference images choose the image-to-image (or edit) variant, and for FLUX.2 `resolution`
// (or a custom width x height) chooses the 1K or 2K tier. An id naming one variant runs that one.

export type ModelChoice = {
  /** The Replicate-style id as requested, lower case. */
  id: string;
  base: VariantView;
  /** The base's family, the base included; empty when the id names exactly one variant. */
  siblings: VariantView[];
};

export type Picked = { variant: VariantView; consumed: string[] };

const megapixelTiers = ["1K", "2K"];

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== "";
}

function customSize(input: Record<string, unknown>): { width: number; height: number } | null {
  const { width, height } = input;
  if (input.aspect_ratio !== "custom" || typeof width !== "number" || typeof height !== "number") return null;
  return { width, height };
}

function aspectOptions(variant: VariantView): string[] {
  const param = variant.parameters.find((p) => p.name === "aspect_ratio");
  return param?.type === "enum" ? param.options : [];
}

function invalid(path: string, message: string): AppError {
  return new AppError("validation_error", `${path}: ${message}`, { param: path, issues: [{ path, message }] });
}

/** The tier a FLUX.2-style request asks for; `resolution` is then used up, whether or not it decided. */
function megapixelTier(choice: ModelChoice, input: Record<string, unknown>, candidates: VariantView[]): string {
  const resolution = input.resolution ?? DEFAULT_RESOLUTION;
  const tier = typeof resolution === "string" ? resolutionTiers[resolution] : undefined;
  if (!tier) {
    throw invalid(
      "input.resolution",
      `must be one of ${Object.keys(resolutionTiers).map((r) => `"${r}"`).join(", ")}: ${choice.id} renders at 1K (about 1 MP) or 2K (about 4 MP) here`,
    );
  }
  const size = customSize(input);
  if (!size) return tier;
  // A custom size picks the smallest tier that renders it; one no tier renders is the mapping's 422.
  const fits = candidates
    .filter((v) => v.resolutionTier && megapixelTiers.includes(v.resolutionTier))
    .sort((a, b) => megapixelTiers.indexOf(a.resolutionTier!) - megapixelTiers.indexOf(b.resolutionTier!))
    .find((v) => aspectRatioForSize({ familySlug: v.family.slug, resolutionTier: v.resolutionTier }, aspectOptions(v), size));
  return fits?.resolutionTier ?? tier;
}

export function pickVariant(choice: ModelChoice, input: Record<string, unknown>): Picked {
  const { base, siblings } = choice;
  if (siblings.length === 0) return { variant: base, consumed: [] };
  const imageField = replicateModelSpec(choice.id).images.field;
  const hasImages = present(input[imageField]);
  const ofTask = siblings.filter((v) => (hasImages ? v.task !== "text_to_image" : v.task === base.task));
  if (ofTask.length === 0) {
    throw invalid(`input.${imageField}`, `${choice.id} generates from text only on this gateway; leave out the reference images`);
  }

  const isMegapixelFamily = base.resolutionTier !== null && megapixelTiers.includes(base.resolutionTier);
  const tier = isMegapixelFamily ? megapixelTier(choice, input, ofTask) : base.resolutionTier;
  const inTier = ofTask.filter((v) => v.resolutionTier === tier);
  const variant = inTier.find((v) => v.task === base.task) ?? inTier[0];
  if (!variant) throw invalid("input.resolution", `${choice.id} has no ${tier} variant for this request on this gateway`);
  return { variant, consumed: isMegapixelFamily ? ["resolution"] : [] };
}
