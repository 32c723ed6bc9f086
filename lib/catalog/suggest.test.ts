import { describe, expect, it } from "vitest";
import { catalogSource } from "./source";
import { slugSearchWords, suggestionCandidates, suggestModels } from "./suggest";

const familyName = new Map(catalogSource.families.map((f) => [f.slug, f.name]));
const candidates = suggestionCandidates(
  catalogSource.variants.map((v) => ({
    slug: v.slug,
    displayName: v.displayName,
    aliases: v.aliases,
    family: { slug: v.familySlug, name: familyName.get(v.familySlug)! },
  })),
);

describe("suggestModels over the catalog source", () => {
  it.each([
    ["flux-2-flx", "FLUX.2 [flex]", "/models/family/flux-2-flex"],
    ["flux2pro", "FLUX.2 [pro]", "/models/family/flux-2-pro"],
    ["gpt-image", "GPT Image 1.5", "/models/family/gpt-image-1.5"],
    ["ideogarm", "Ideogram Character", "/models/family/ideogram-character"],
    ["FLUX-2-MAKS", "FLUX.2 [max]", "/models/family/flux-2-max"],
    ["models/kontext-max", "FLUX.1 Kontext [max]", "/models/family/flux-kontext-max"],
    ["qwen-imag-edit", "Qwen Image · image-to-image", "/models/qwen-image-image-to-image"],
  ])("%s suggests %s first", (input, name, href) => {
    expect(suggestModels(input, candidates)[0]).toEqual({ kind: expect.any(String), name, href });
  });

  it("offers at most three, closest first, the rest from the same family", () => {
    const found = suggestModels("flux-2-flx", candidates);
    expect(found).toHaveLength(3);
    expect(found.map((s) => s.href)).toEqual([
      "/models/family/flux-2-flex",
      expect.stringMatching(/^\/models\/flux-2-flex-/),
      expect.stringMatching(/^\/models\/flux-2-flex-/),
    ]);
  });

  it("honours the limit", () => {
    expect(suggestModels("flux", candidates, 5)).toHaveLength(5);
  });

  it.each(["zzzzqqqqxxxx", "", "   ", "models/"])("suggests nothing for %j", (input) => {
    expect(suggestModels(input, candidates)).toEqual([]);
  });

  it("cuts very long input instead of working on all of it", () => {
    expect(suggestModels(`flux-2-pro${"x".repeat(10_000)}`, candidates)).toEqual([]);
  });
});

describe("slugSearchWords", () => {
  it.each([
    ["flux-2-flx", "flux 2 flx"],
    ["models/FLUX-1.1-pro", "flux 1.1 pro"],
    ["fal-ai/flux-pro/kontext", "fal ai flux pro kontext"],
    ["---", ""],
  ])("%s -> %j", (input, words) => {
    expect(slugSearchWords(input)).toBe(words);
  });
});
