import { describe, expect, it } from "vitest";
import { paramsToZod } from "@/lib/catalog/params";
import { catalogSource } from "@/lib/catalog/source";
import type { VariantView } from "@/lib/catalog/types";
import { AppError } from "@/lib/errors";
import type { GenerationVariant } from "@/lib/tasks/variants";
import { toCatalogInput } from "./input";
import { type ModelChoice, pickVariant } from "./pick-variant";

// The variants as the database serves them, built from the seed source.
function view(slug: string): VariantView {
  const v = catalogSource.variants.find((x) => x.slug === slug);
  if (!v) throw new Error(`no variant ${slug} in the source`);
  const family = catalogSource.families.find((f) => f.slug === v.familySlug)!;
  return {
    slug: v.slug,
    displayName: v.displayName,
    aliases: v.aliases,
    provider: { slug: family.providerSlug, name: family.providerSlug },
    family: { slug: family.slug, name: family.name },
    modality: v.modality,
    task: v.task,
    resolutionTier: v.resolutionTier,
    priceMicros: v.priceMicros,
    priceCredits: 0,
    referencePriceMicros: null,
    referenceSource: null,
    upstreamCostMicros: null,
    parameters: v.parameters,
    status: "operational",
    releaseDate: v.releaseDate,
    description: v.description,
    useCases: v.useCases,
    relatedSlugs: v.relatedSlugs,
    featured: false,
  };
}

function familyChoice(id: string, baseSlug: string): ModelChoice {
  const base = view(baseSlug);
  const siblings = catalogSource.variants.filter((v) => v.familySlug === base.family.slug).map((v) => view(v.slug));
  return { id, base, siblings };
}

const found = (slug: string): GenerationVariant => {
  const variant = view(slug);
  return { variant, inputSchema: paramsToZod(variant.parameters), routes: [] };
};

function refusal(run: () => unknown): { message: string; paths: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation_error") throw error;
    return { message: error.message, paths: (error.options.issues ?? []).map((i) => i.path) };
  }
  throw new Error("expected a validation error");
}

const flux2Pro = familyChoice("black-forest-labs/flux-2-pro", "flux-2-pro-text-to-image-1k");
const flux2Flex = familyChoice("black-forest-labs/flux-2-flex", "flux-2-flex-text-to-image-2k");
const picked = (choice: ModelChoice, input: Record<string, unknown>) => pickVariant(choice, input).variant.slug;

describe("pickVariant", () => {
  it.each([
    ["a prompt alone: text-to-image at Replicate's default 1 MP", flux2Pro, { prompt: "x" }, "flux-2-pro-text-to-image-1k"],
    ["input_images: image-to-image", flux2Pro, { prompt: "x", input_images: ["https://e.x/a.png"] }, "flux-2-pro-image-to-image-1k"],
    ["an empty input_images list is no images", flux2Pro, { prompt: "x", input_images: [] }, "flux-2-pro-text-to-image-1k"],
    ["resolution 4 MP: the 2K tier", flux2Pro, { prompt: "x", resolution: "4 MP" }, "flux-2-pro-text-to-image-2k"],
    ["images at 4 MP", flux2Pro, { prompt: "x", resolution: "4 MP", input_images: ["https://e.x/a.png"] }, "flux-2-pro-image-to-image-2k"],
    ["an alias on the 2K variant still defaults to 1 MP", flux2Flex, { prompt: "x" }, "flux-2-flex-text-to-image-1k"],
    ["a custom size within 1K", flux2Pro, { prompt: "x", aspect_ratio: "custom", width: 1024, height: 1024 }, "flux-2-pro-text-to-image-1k"],
    ["a custom size beyond 1K: 2K", flux2Pro, { prompt: "x", aspect_ratio: "custom", width: 2048, height: 1536 }, "flux-2-pro-text-to-image-2k"],
    [
      "kontext's input_image: the edit variant",
      familyChoice("black-forest-labs/flux-kontext-pro", "flux-kontext-pro-text-to-image"),
      { prompt: "x", input_image: "https://e.x/a.png" },
      "flux-kontext-pro-edit",
    ],
    [
      "flux-1.1-pro stays off the Ultra tier of its family",
      familyChoice("black-forest-labs/flux-1.1-pro", "flux-1.1-pro-text-to-image"),
      { prompt: "x" },
      "flux-1.1-pro-text-to-image",
    ],
    [
      "an image model without its image stays the image model",
      familyChoice("qwen/qwen-image-edit", "qwen-image-image-to-image"),
      { prompt: "x" },
      "qwen-image-image-to-image",
    ],
  ])("%s", (_, choice, input, slug) => {
    expect(picked(choice, input)).toBe(slug);
  });

  it("uses resolution up for FLUX.2 only", () => {
    expect(pickVariant(flux2Pro, { prompt: "x" }).consumed).toEqual(["resolution"]);
    expect(pickVariant(familyChoice("qwen/qwen-image", "qwen-image-text-to-image"), { prompt: "x" }).consumed).toEqual([]);
  });

  it("runs an exact variant id as named, whatever the input", () => {
    const exact: ModelChoice = { id: "black-forest-labs/flux-2-pro-text-to-image-2k", base: view("flux-2-pro-text-to-image-2k"), siblings: [] };
    expect(pickVariant(exact, { prompt: "x", input_images: ["https://e.x/a.png"] })).toEqual({ variant: exact.base, consumed: [] });
  });

  it.each([
    ["a resolution with no tier", flux2Pro, { prompt: "x", resolution: "2 MP" }, "input.resolution"],
    ["match_input_image as resolution", flux2Pro, { prompt: "x", resolution: "match_input_image" }, "input.resolution"],
    [
      "images for a model with no image variant",
      familyChoice("black-forest-labs/flux-1.1-pro", "flux-1.1-pro-text-to-image"),
      { prompt: "x", input_images: ["https://e.x/a.png"] },
      "input.input_images",
    ],
  ])("422: %s names %s", (_, choice, input, path) => {
    expect(refusal(() => pickVariant(choice, input)).paths).toEqual([path]);
  });
});

describe("toCatalogInput", () => {
  it("renames Replicate's fields to the variant's and applies Replicate's FLUX.2 defaults", () => {
    const input = toCatalogInput("black-forest-labs/flux-2-pro", found("flux-2-pro-image-to-image-1k"), {
      prompt: "swap the sky",
      input_images: ["https://e.x/a.png", "https://e.x/b.png"],
      prompt_upsampling: true,
      safety_tolerance: 5,
      seed: 7,
      resolution: "1 MP",
    }, ["resolution"]);
    expect(input).toEqual({
      prompt: "swap the sky",
      image_urls: ["https://e.x/a.png", "https://e.x/b.png"],
      aspect_ratio: "1:1",
      output_format: "webp",
      disable_pup: false,
      safety_tolerance: 5,
      seed: 7,
    });
  });

  it("keeps what the client chose over the defaults, spells jpg as jpeg and treats nulls as absent", () => {
    const input = toCatalogInput("black-forest-labs/flux-2-pro", found("flux-2-pro-text-to-image-1k"), {
      prompt: "x",
      aspect_ratio: "16:9",
      output_format: "jpg",
      seed: null,
      input_images: null,
    });
    expect(input).toMatchObject({ aspect_ratio: "16:9", output_format: "jpeg" });
    expect(input).not.toHaveProperty("seed");
  });

  it("turns a custom width x height into the aspect ratio of that shape", () => {
    const input = toCatalogInput("black-forest-labs/flux-2-pro", found("flux-2-pro-text-to-image-2k"), {
      prompt: "x",
      aspect_ratio: "custom",
      width: 2048,
      height: 1152,
    });
    expect(input.aspect_ratio).toBe("16:9");
    expect(input).not.toHaveProperty("width");
  });

  it("passes flex's steps, guidance and prompt_upsampling through under their own names", () => {
    const input = toCatalogInput("black-forest-labs/flux-2-flex", found("flux-2-flex-text-to-image-1k"), {
      prompt: "x",
      steps: 12,
      guidance: 3.5,
      prompt_upsampling: false,
    });
    expect(input).toMatchObject({ steps: 12, guidance: 3.5, prompt_upsampling: false });
  });

  it("takes a single-image model's one URI as a list of one", () => {
    const input = toCatalogInput("qwen/qwen-image-edit", found("qwen-image-image-to-image"), { prompt: "x", image: "https://e.x/a.png" });
    expect(input.image_urls).toEqual(["https://e.x/a.png"]);
  });

  it.each([
    ["a missing prompt", "flux-2-pro-text-to-image-1k", { aspect_ratio: "1:1" }, ["input.prompt"]],
    ["a ratio the variant does not render", "flux-2-pro-text-to-image-1k", { prompt: "x", aspect_ratio: "4:5" }, ["input.aspect_ratio"]],
    ["a missing image, by the client's name for it", "flux-2-pro-image-to-image-1k", { prompt: "x" }, ["input.input_images"]],
    ["a bad image URI, by the client's name for it", "flux-2-pro-image-to-image-1k", { prompt: "x", input_images: ["nope"] }, ["input.input_images.0"]],
    ["more images than the variant takes", "flux-2-pro-image-to-image-1k", { prompt: "x", input_images: Array(9).fill("https://e.x/a.png") }, ["input.input_images"]],
    ["steps on a model without them", "flux-2-pro-text-to-image-1k", { prompt: "x", steps: 20 }, ["input.steps"]],
    ["output_quality, which is never applied", "flux-2-pro-text-to-image-1k", { prompt: "x", output_quality: 80 }, ["input.output_quality"]],
    ["a non-boolean prompt_upsampling", "flux-2-pro-text-to-image-1k", { prompt: "x", prompt_upsampling: "yes" }, ["input.prompt_upsampling"]],
    ["custom without a height", "flux-2-pro-text-to-image-1k", { prompt: "x", aspect_ratio: "custom", width: 1024 }, ["input.height"]],
    ["custom with a side out of range", "flux-2-pro-text-to-image-1k", { prompt: "x", aspect_ratio: "custom", width: 4096, height: 1024 }, ["input.width"]],
    ["a custom shape the variant has no ratio for", "flux-2-pro-text-to-image-1k", { prompt: "x", aspect_ratio: "custom", width: 1024, height: 256 }, ["input.width"]],
    ["an unknown field", "flux-2-pro-text-to-image-1k", { prompt: "x", sampler: "euler" }, ["input.sampler"]],
    ["resolution where it chose nothing", "flux-2-pro-text-to-image-2k", { prompt: "x", resolution: "4 MP" }, ["input.resolution"]],
  ])("422: %s", (_, slug, input, paths) => {
    const { message, paths: named } = refusal(() => toCatalogInput("black-forest-labs/flux-2-pro", found(slug), input));
    expect(named).toEqual(paths);
    expect(message.startsWith(`${paths[0]}: `)).toBe(true);
  });

  it("refuses a list where a single-image model takes one URI", () => {
    const { paths } = refusal(() => toCatalogInput("qwen/qwen-image-edit", found("qwen-image-image-to-image"), { prompt: "x", image: ["https://e.x/a.png"] }));
    expect(paths).toEqual(["input.image"]);
  });
});
