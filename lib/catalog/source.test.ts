import { describe, expect, it } from "vitest";
import { legacyCatalogSlug, normalizeSlug } from "./aliases";
import type { ParamDescriptor } from "./params";
import { formatUsd, microsToCredits } from "./pricing";
import { catalogSource, resolveInSource } from "./source";
import { catalogSourceSchema, type CatalogSource, type SourceVariant } from "./source-schema";

function variant(slug: string): SourceVariant {
  const found = catalogSource.variants.find((v) => v.slug === slug);
  if (!found) throw new Error(`no variant ${slug}`);
  return found;
}

function param(slug: string, name: string): ParamDescriptor | undefined {
  return variant(slug).parameters.find((p) => p.name === name);
}

describe("the catalog source", () => {
  it("passes the seed's validation", () => {
    const result = catalogSourceSchema.safeParse(catalogSource);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("has no alias that names two variants or shadows a canonical slug", () => {
    const slugs = new Set(catalogSource.variants.map((v) => v.slug));
    const aliases = catalogSource.variants.flatMap((v) => v.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.filter((a) => slugs.has(a))).toEqual([]);
    expect(aliases.filter((a) => normalizeSlug(a) !== a)).toEqual([]);
  });

  it("features four variants", () => {
    expect(catalogSource.variants.filter((v) => v.featured).map((v) => v.slug)).toEqual([
      "flux-2-flex-text-to-image-2k",
      "flux-2-pro-text-to-image-1k",
      "flux-kontext-pro-text-to-image",
      "gpt-image-1.5-text-to-image-high",
    ]);
  });

  it("prices every variant in whole credits, above zero", () => {
    for (const v of catalogSource.variants) {
      expect(Number.isInteger(microsToCredits(v.priceMicros)) && v.priceMicros > 0, v.slug).toBe(true);
    }
  });

  it("gives each variant a deterministic set of routes", () => {
    expect(variant("flux-2-flex-text-to-image-2k").routes).toEqual([
      { providerSlug: "black-forest-labs", upstreamModel: "flux-2-flex", priority: 1, upstreamCostMicros: 180_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-2-flex", priority: 2, upstreamCostMicros: 180_000 },
      { providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-2-flex", priority: 3, upstreamCostMicros: 180_000 },
    ]);
    expect(variant("flux-2-flex-image-to-image-1k").routes.map((r) => r.upstreamModel)).toEqual([
      "flux-2-flex",
      "fal-ai/flux-2-flex/edit",
      "black-forest-labs/flux-2-flex",
    ]);
  });
});

// The ten FLUX variants of the public pricing table, with the long slugs derived from their names.
const pricingTable = [
  ["flux-2-pro-text-to-image-1k", 5, 35_000, "$0.035", "Black Forest Labs flux-2 pro, text-to-image, 1.0s-1K", "black-forest-labs-black-forest-labs-flux-2-pro-text-to-image-1-0s-1k"],
  ["flux-2-pro-image-to-image-1k", 5, 35_000, "$0.035", "Black Forest Labs flux-2 pro, image to image, 1.0s-1K", "black-forest-labs-black-forest-labs-flux-2-pro-image-to-image-1-0s-1k"],
  ["flux-kontext-pro-text-to-image", 5, 35_000, "$0.035", "Black Forest Labs flux1-kontext, text-to-image, Pro", "black-forest-labs-black-forest-labs-flux1-kontext-text-to-image-pro"],
  ["flux-2-pro-text-to-image-2k", 7, 49_000, "$0.049", "Black Forest Labs flux-2 pro, text-to-image, 1.0s-2K", "black-forest-labs-black-forest-labs-flux-2-pro-text-to-image-1-0s-2k"],
  ["flux-2-pro-image-to-image-2k", 7, 49_000, "$0.049", "Black Forest Labs flux-2 pro, image to image, 1.0s-2K", "black-forest-labs-black-forest-labs-flux-2-pro-image-to-image-1-0s-2k"],
  ["flux-kontext-max-text-to-image", 10, 70_000, "$0.07", "Black Forest Labs flux1-kontext, text-to-image, Max", "black-forest-labs-black-forest-labs-flux1-kontext-text-to-image-max"],
  ["flux-2-flex-image-to-image-1k", 14, 98_000, "$0.098", "Black Forest Labs Flux 2 Flex, image to image, 1.0s-1K", "black-forest-labs-black-forest-labs-flux-2-flex-image-to-image-1-0s-1k"],
  ["flux-2-flex-text-to-image-1k", 14, 98_000, "$0.098", "Black Forest Labs Flux 2 Flex, text-to-image, 1.0s-1K", "black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-1k"],
  ["flux-2-flex-image-to-image-2k", 24, 168_000, "$0.168", "Black Forest Labs Flux 2 Flex, image to image, 1.0s-2K", "black-forest-labs-black-forest-labs-flux-2-flex-image-to-image-1-0s-2k"],
  ["flux-2-flex-text-to-image-2k", 24, 168_000, "$0.168", "Black Forest Labs Flux 2 Flex, text-to-image, 1.0s-2K", "black-forest-labs-black-forest-labs-flux-2-flex-text-to-image-1-0s-2k"],
] as const;

describe("the FLUX pricing table", () => {
  it.each(pricingTable)("%s costs %i credits = %i micros (%s)", (slug, credits, micros, usd) => {
    expect(variant(slug).priceMicros).toBe(micros);
    expect(microsToCredits(variant(slug).priceMicros)).toBe(credits);
    expect(formatUsd(variant(slug).priceMicros)).toBe(usd);
  });

  it.each(pricingTable)("%s answers to its long catalog slug", (slug, _c, _m, _u, displayName, longSlug) => {
    expect(legacyCatalogSlug("black-forest-labs", displayName)).toBe(longSlug);
    expect(resolveInSource(longSlug)).toEqual({ slug, isAlias: true });
  });

  it("quotes fal.ai's $0.18 as the reference for FLUX.2 [flex] 2K", () => {
    const flex = variant("flux-2-flex-text-to-image-2k");
    expect([flex.referencePriceMicros, flex.referenceSource]).toEqual([180_000, "fal.ai"]);
  });
});

describe("resolveInSource", () => {
  it.each([
    ["flux-2-flex", "flux-2-flex-text-to-image-2k"],
    ["black-forest-labs/flux-2-flex", "flux-2-flex-text-to-image-2k"],
    ["flux-2-flex-text-to-image", "flux-2-flex-text-to-image-2k"],
    ["fal-ai/flux-2-flex", "flux-2-flex-text-to-image-2k"],
    ["flux-2-flex-image-to-image", "flux-2-flex-image-to-image-2k"],
    ["fal-ai/flux-2-flex/edit", "flux-2-flex-image-to-image-2k"],
    ["flux-2-pro", "flux-2-pro-text-to-image-1k"],
    ["black-forest-labs/flux-2-pro", "flux-2-pro-text-to-image-1k"],
    ["fal-ai/flux-2-pro", "flux-2-pro-text-to-image-1k"],
    ["flux-2-pro-text-to-image", "flux-2-pro-text-to-image-1k"],
    ["flux-2-pro-image-to-image", "flux-2-pro-image-to-image-1k"],
    ["fal-ai/flux-2-pro/edit", "flux-2-pro-image-to-image-1k"],
    ["flux-2-max", "flux-2-max-text-to-image-1k"],
    ["black-forest-labs/flux-2-max", "flux-2-max-text-to-image-1k"],
    ["fal-ai/flux-2-max", "flux-2-max-text-to-image-1k"],
    ["flux-2-max-image-to-image", "flux-2-max-image-to-image-1k"],
    ["fal-ai/flux-2-max/edit", "flux-2-max-image-to-image-1k"],
    ["flux-kontext-pro", "flux-kontext-pro-text-to-image"],
    ["black-forest-labs/flux-kontext-pro", "flux-kontext-pro-text-to-image"],
    ["flux-kontext-max", "flux-kontext-max-text-to-image"],
    ["black-forest-labs/flux-kontext-max", "flux-kontext-max-text-to-image"],
    ["fal-ai/flux-pro/kontext", "flux-kontext-pro-edit"],
    ["fal-ai/flux-pro/kontext/max", "flux-kontext-max-edit"],
    ["flux-1.1-pro", "flux-1.1-pro-text-to-image"],
    ["flux-pro-1.1", "flux-1.1-pro-text-to-image"],
    ["flux-1.1-pro-ultra", "flux-1.1-pro-text-to-image-ultra"],
    ["black-forest-labs/flux-1.1-pro-ultra", "flux-1.1-pro-text-to-image-ultra"],
    ["gpt-image-1.5", "gpt-image-1.5-text-to-image-high"],
    ["openai/gpt-image-1.5", "gpt-image-1.5-text-to-image-high"],
    ["fal-ai/gpt-image-1.5/edit", "gpt-image-1.5-image-to-image-high"],
    ["ideogram-character", "ideogram-character-image-to-image-balanced"],
    ["qwen-image", "qwen-image-text-to-image"],
    ["qwen/qwen-image", "qwen-image-text-to-image"],
    ["qwen-image-edit", "qwen-image-image-to-image"],
  ])("%s -> %s", (alias, slug) => {
    expect(resolveInSource(alias)).toEqual({ slug, isAlias: true });
  });

  it.each([
    ["FLUX-2-FLEX", "flux-2-flex-text-to-image-2k", true],
    ["  flux-2-flex\n", "flux-2-flex-text-to-image-2k", true],
    ["models/flux-2-flex", "flux-2-flex-text-to-image-2k", true],
    ["Models/Black-Forest-Labs/FLUX-2-Flex", "flux-2-flex-text-to-image-2k", true],
    ["/models/gpt-image-1.5", "gpt-image-1.5-text-to-image-high", true],
    ["flux-2-flex-text-to-image-2k", "flux-2-flex-text-to-image-2k", false],
    ["GPT-Image-1.5-Text-To-Image-High", "gpt-image-1.5-text-to-image-high", false],
  ])("tolerates %j", (input, slug, isAlias) => {
    expect(resolveInSource(input)).toEqual({ slug, isAlias });
  });

  it.each(["", "   ", "flux-3", "models/", "flux-2-flex-text-to-image-4k"])("does not resolve %j", (input) => {
    expect(resolveInSource(input)).toBeNull();
  });
});

describe("parameters", () => {
  const flex = ["flux-2-flex-text-to-image-1k", "flux-2-flex-text-to-image-2k", "flux-2-flex-image-to-image-1k", "flux-2-flex-image-to-image-2k"];

  it.each(flex)("%s: steps 1-50 (50), guidance 1.5-10 (5), upsampling on, safety 0-5", (slug) => {
    expect(param(slug, "steps")).toMatchObject({ type: "integer", min: 1, max: 50, default: 50 });
    expect(param(slug, "guidance")).toMatchObject({ type: "number", min: 1.5, max: 10, step: 0.1, default: 5 });
    expect(param(slug, "prompt_upsampling")).toMatchObject({ type: "boolean", default: true });
    expect(param(slug, "safety_tolerance")).toMatchObject({ min: 0, max: 5, default: 2 });
    expect(param(slug, "output_format")).toMatchObject({ options: ["jpeg", "png", "webp"], default: "jpeg" });
  });

  it.each([
    ["flux-2-flex-image-to-image-2k", 8],
    ["flux-2-pro-image-to-image-1k", 8],
    ["flux-2-max-image-to-image-2k", 8],
    ["flux-kontext-pro-edit", 4],
    ["gpt-image-1.5-image-to-image-high", 16],
    ["ideogram-character-image-to-image-balanced", 1],
    ["qwen-image-image-to-image", 1],
  ])("%s needs 1 to %i input images", (slug, maxItems) => {
    expect(param(slug, "image_urls")).toMatchObject({ type: "image_urls", required: true, minItems: 1, maxItems });
  });

  it("takes no input images on any text-to-image variant", () => {
    const withImages = catalogSource.variants
      .filter((v) => v.task === "text_to_image" && v.parameters.some((p) => p.type === "image_urls"))
      .map((v) => v.slug);
    expect(withImages).toEqual([]);
  });

  it("FLUX.2 [pro] and [max] have disable_pup and no steps or guidance", () => {
    for (const slug of ["flux-2-pro-text-to-image-1k", "flux-2-max-image-to-image-1k"]) {
      expect(param(slug, "disable_pup")).toMatchObject({ type: "boolean", default: false });
      expect([param(slug, "steps"), param(slug, "guidance"), param(slug, "prompt_upsampling")]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it("Kontext takes 21:9 to 9:21, safety 0-6, png by default, no upsampling by default", () => {
    const ratios = param("flux-kontext-pro-text-to-image", "aspect_ratio");
    expect(ratios).toMatchObject({ type: "enum", default: "1:1" });
    expect(ratios?.type === "enum" && ratios.options).toEqual(expect.arrayContaining(["21:9", "9:21"]));
    expect(param("flux-kontext-max-edit", "safety_tolerance")).toMatchObject({ min: 0, max: 6 });
    expect(param("flux-kontext-max-edit", "output_format")).toMatchObject({ options: ["jpeg", "png"], default: "png" });
    expect(param("flux-kontext-pro-edit", "prompt_upsampling")).toMatchObject({ default: false });
  });
});

describe("catalogSourceSchema catches", () => {
  function broken(change: (source: CatalogSource) => void): string[] {
    const copy = structuredClone(catalogSource);
    change(copy);
    const result = catalogSourceSchema.safeParse(copy);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  }
  const first = (s: CatalogSource) => s.variants[0]!;
  const second = (s: CatalogSource) => s.variants[1]!;

  it.each<[string, (s: CatalogSource) => void, string]>([
    ["an alias used twice", (s) => second(s).aliases.push("flux-2-flex"), "alias flux-2-flex names two variants"],
    ["an alias equal to a canonical slug", (s) => second(s).aliases.push("flux-2-pro-text-to-image-1k"), "alias flux-2-pro-text-to-image-1k is also a canonical slug"],
    ["an alias not in normal form", (s) => first(s).aliases.push("FLUX-TWO"), "lowercase words joined by - . _ or /"],
    ["an unknown related slug", (s) => first(s).relatedSlugs.push("flux-9"), "bad related slug flux-9"],
    ["a fractional price", (s) => (first(s).priceMicros = 35_000.5), "Invalid input: expected int, received number"],
    ["a price that is not whole credits", (s) => (first(s).priceMicros = 35_001), "prices are whole credits"],
    ["a zero price", (s) => (first(s).priceMicros = 0), "Too small: expected number to be >0"],
    ["a slug off the scheme", (s) => (first(s).slug = "flux-2-flex-2k"), "expected flux-2-flex-text-to-image-2k"],
    ["a route to a brand that serves nothing", (s) => (first(s).routes[0]!.providerSlug = "ideogram"), "ideogram is not an upstream"],
    ["an unknown family", (s) => (first(s).familySlug = "flux-3"), "unknown family flux-3"],
    ["a reference price without its source", (s) => (first(s).referenceSource = null), "a reference price needs its source, and only then"],
  ])("%s", (_, change, message) => {
    expect(broken(change)).toContain(message);
  });
});
