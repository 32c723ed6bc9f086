import { z } from "zod";
import { Modality, ModelTask } from "@/lib/db/generated/enums";
import { normalizeSlug } from "./aliases";
import { paramDescriptorsSchema } from "./params";
import { MICROS_PER_CREDIT } from "./pricing";

const slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "lowercase words joined by - or .");
const alias = z
  .string()
  .regex(/^[a-z0-9]+(?:[./_-][a-z0-9]+)*$/, "lowercase words joined by - . _ or /")
  .refine((a) => normalizeSlug(a) === a, "must already be in normalized form");
const micros = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const referenceSources = ["fal.ai", "Black Forest Labs API", "OpenAI API", "Replicate"] as const;

const providerSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  website: z.url({ protocol: /^https$/ }),
  description: z.string().min(1).max(300),
  isUpstream: z.boolean(),
});

const familySchema = z.strictObject({
  slug,
  name: z.string().min(1),
  providerSlug: slug,
  description: z.string().min(1).max(400),
});

const routeSchema = z.strictObject({
  providerSlug: slug,
  upstreamModel: z.string().min(1).max(200),
  /** Lower is tried first. */
  priority: z.number().int().positive(),
  /** What one image costs us on this route at list price: the basis for margins and routing. */
  upstreamCostMicros: micros,
});

const variantSchema = z.strictObject({
  slug,
  familySlug: slug,
  displayName: z.string().min(1).max(100),
  modality: z.enum(Modality),
  task: z.enum(ModelTask),
  resolutionTier: z.string().min(1).nullable(),
  priceMicros: micros.refine((m) => m % MICROS_PER_CREDIT === 0, "prices are whole credits"),
  referencePriceMicros: micros.nullable(),
  referenceSource: z.enum(referenceSources).nullable(),
  releaseDate: z.iso.date(),
  description: z.string().min(1).max(400),
  useCases: z.array(z.string().min(1).max(60)).min(1).max(5),
  relatedSlugs: z.array(slug),
  featured: z.boolean(),
  parameters: paramDescriptorsSchema,
  aliases: z.array(alias),
  routes: z.array(routeSchema).min(1),
});

export type SourceProvider = z.infer<typeof providerSchema>;
export type SourceFamily = z.infer<typeof familySchema>;
export type SourceRoute = z.infer<typeof routeSchema>;
export type SourceVariant = z.infer<typeof variantSchema>;

/** The canonical slug scheme: `<family>-<task>[-<tier>]`. */
function canonicalSlug(v: Pick<SourceVariant, "familySlug" | "task" | "resolutionTier">): string {
  const task = v.task.replaceAll("_", "-");
  return [v.familySlug, task, v.resolutionTier?.toLowerCase()].filter(Boolean).join("-");
}

function repeats(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Everything the seed checks before it writes a row; cross-references included. */
export const catalogSourceSchema = z
  .strictObject({
    providers: z.array(providerSchema).min(1),
    families: z.array(familySchema).min(1),
    variants: z.array(variantSchema).min(1),
  })
  .superRefine(({ providers, families, variants }, ctx) => {
    const fail = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const providerBySlug = new Map(providers.map((p) => [p.slug, p]));
    const familySlugs = new Set(families.map((f) => f.slug));
    const variantSlugs = new Set(variants.map((v) => v.slug));

    for (const dup of repeats(providers.map((p) => p.slug))) fail(["providers"], `provider ${dup} repeats`);
    for (const dup of repeats(families.map((f) => f.slug))) fail(["families"], `family ${dup} repeats`);
    for (const dup of repeats(variants.map((v) => v.slug))) fail(["variants"], `variant ${dup} repeats`);

    families.forEach((f, i) => {
      if (!providerBySlug.has(f.providerSlug)) fail(["families", i], `unknown provider ${f.providerSlug}`);
    });

    const allAliases = variants.flatMap((v) => v.aliases);
    for (const dup of repeats(allAliases)) fail(["variants"], `alias ${dup} names two variants`);

    variants.forEach((v, i) => {
      const at = (...path: (string | number)[]) => ["variants", i, ...path];
      if (!familySlugs.has(v.familySlug)) fail(at("familySlug"), `unknown family ${v.familySlug}`);
      if (v.slug !== canonicalSlug(v)) fail(at("slug"), `expected ${canonicalSlug(v)}`);
      if ((v.referencePriceMicros === null) !== (v.referenceSource === null)) {
        fail(at("referenceSource"), "a reference price needs its source, and only then");
      }

      const images = v.parameters.find((p) => p.type === "image_urls");
      if (v.task === "text_to_image" && images) fail(at("parameters"), "text-to-image takes no input images");
      if (v.task !== "text_to_image" && !images?.required) {
        fail(at("parameters"), "image-to-image and edit need required input images");
      }

      for (const a of v.aliases) {
        if (variantSlugs.has(a)) fail(at("aliases"), `alias ${a} is also a canonical slug`);
      }
      for (const r of v.relatedSlugs) {
        if (r === v.slug || !variantSlugs.has(r)) fail(at("relatedSlugs"), `bad related slug ${r}`);
      }
      for (const dup of repeats(v.relatedSlugs)) fail(at("relatedSlugs"), `${dup} repeats`);

      v.routes.forEach((r, j) => {
        if (!providerBySlug.get(r.providerSlug)?.isUpstream) {
          fail(at("routes", j), `${r.providerSlug} is not an upstream`);
        }
      });
      for (const dup of repeats(v.routes.map((r) => r.providerSlug))) fail(at("routes"), `${dup} repeats`);
      for (const dup of repeats(v.routes.map((r) => String(r.priority)))) {
        fail(at("routes"), `priority ${dup} repeats`);
      }
    });
  });

export type CatalogSource = z.infer<typeof catalogSourceSchema>;
