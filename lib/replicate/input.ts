import { aspectRatioForSize, sizesFor } from "@/lib/catalog/size";
import type { VariantView } from "@/lib/catalog/types";
import { AppError, type FieldIssue } from "@/lib/errors";
import type { GenerationVariant } from "@/lib/tasks/variants";
import { replicateModelSpec } from "./models";

// Pure: a Replicate request's `input` (PROTOCOLS.md §3) in the chosen variant's own parameter
// names, validated by the variant's schema. Every refusal names the field as the client sent it
// (`input.input_images`, not the catalog's `image_urls`).

const IMAGE_URLS = "image_urls";
/** Replicate's bounds for a custom size. */
const customSide = { min: 256, max: 2048 };

function hasParam(variant: VariantView, name: string): boolean {
  return variant.parameters.some((p) => p.name === name);
}

function aspectOptions(variant: VariantView): string[] {
  const param = variant.parameters.find((p) => p.name === "aspect_ratio");
  return param?.type === "enum" ? param.options : [];
}

/** Whether the variant takes this value for this parameter (for Replicate's defaults). */
function offers(variant: VariantView, name: string, value: unknown): boolean {
  const param = variant.parameters.find((p) => p.name === name);
  return param?.type === "enum" ? param.options.includes(String(value)) : Boolean(param);
}

function inputError(issues: FieldIssue[]): AppError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: see invalid_fields)` : "";
  return new AppError("validation_error", `${first!.path}: ${first!.message}${more}`, { param: first!.path, issues });
}

function customRatio(variant: VariantView, input: Record<string, unknown>, issues: FieldIssue[]): string | undefined {
  const sides: Record<string, number> = {};
  for (const side of ["width", "height"] as const) {
    const value = input[side];
    if (value === undefined || value === null) issues.push({ path: `input.${side}`, message: "is required when aspect_ratio is custom" });
    else if (!Number.isInteger(value) || (value as number) < customSide.min || (value as number) > customSide.max) {
      issues.push({ path: `input.${side}`, message: `must be an integer from ${customSide.min} to ${customSide.max}` });
    } else sides[side] = value as number;
  }
  if (sides.width === undefined || sides.height === undefined) return undefined;
  const sized = { familySlug: variant.family.slug, resolutionTier: variant.resolutionTier };
  const ratio = aspectRatioForSize(sized, aspectOptions(variant), { width: sides.width, height: sides.height });
  if (!ratio) {
    const sizes = sizesFor(sized, aspectOptions(variant)).join(", ");
    issues.push({ path: "input.width", message: `${sides.width}x${sides.height} does not fit ${variant.slug}, which renders ${sizes || "one fixed size"}` });
  }
  return ratio ?? undefined;
}

/**
 * The catalog input for `found` from a Replicate `input`: the model's image field becomes
 * `image_urls`, `jpg` becomes `jpeg`, `prompt_upsampling` becomes `disable_pup` where the variant
 * has that instead, a custom width x height becomes the aspect ratio of that shape (the tier sets
 * the pixels), and Replicate's defaults apply where they differ from the catalog's. `consumed`
 * are fields already used to choose the variant. Nulls count as absent, as Replicate treats them.
 */
export function toCatalogInput(
  modelId: string,
  found: GenerationVariant,
  raw: Record<string, unknown>,
  consumed: readonly string[] = [],
): Record<string, unknown> {
  const { variant } = found;
  const spec = replicateModelSpec(modelId);
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined));
  for (const [name, value] of Object.entries(spec.defaults)) {
    if (!(name in given) && offers(variant, name, value)) given[name] = value;
  }
  // The catalog's name -> the name the client knows it by, for the validator's messages.
  const clientName = new Map<string, string>([[IMAGE_URLS, spec.images.field]]);
  const out: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const takes = variant.parameters.map((p) => (p.name === IMAGE_URLS ? spec.images.field : p.name)).join(", ");

  for (const [name, value] of Object.entries(given)) {
    if (consumed.includes(name) || name === "width" || name === "height") continue;
    if (name === spec.images.field && hasParam(variant, IMAGE_URLS)) {
      if (!spec.images.list && typeof value !== "string") issues.push({ path: `input.${name}`, message: "must be one image URI" });
      else out[IMAGE_URLS] = spec.images.list ? value : [value];
    } else if (name === "aspect_ratio" && value === "custom") {
      const ratio = customRatio(variant, given, issues);
      if (ratio) out.aspect_ratio = ratio;
    } else if (name === "output_format" && hasParam(variant, name)) {
      out.output_format = value === "jpg" ? "jpeg" : value;
    } else if (name === "prompt_upsampling" && !hasParam(variant, name) && hasParam(variant, "disable_pup")) {
      clientName.set("disable_pup", name);
      if (typeof value === "boolean") out.disable_pup = !value;
      else issues.push({ path: `input.${name}`, message: "must be a boolean" });
    } else if (name === "output_quality") {
      issues.push({ path: `input.${name}`, message: "is not supported: images are stored as the upstream made them, never re-encoded; leave it out" });
    } else if (hasParam(variant, name) && name !== IMAGE_URLS) {
      out[name] = value;
    } else {
      issues.push({ path: `input.${name}`, message: `is not an input of ${modelId} here (it takes ${takes})` });
    }
  }
  if (issues.length > 0) throw inputError(issues);

  const parsed = found.inputSchema.safeParse(out);
  if (!parsed.success) {
    throw inputError(
      parsed.error.issues.map((issue) => {
        const [head, ...rest] = issue.path.map(String);
        const field = head === undefined ? [] : [clientName.get(head) ?? head, ...rest];
        return { path: ["input", ...field].join("."), message: issue.message };
      }),
    );
  }
  return parsed.data;
}
