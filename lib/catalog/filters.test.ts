import { describe, expect, it } from "vitest";
import { catalogFacets, catalogFilterFields, catalogFiltersQuery, microsToUsdText, parseCatalogFilters } from "./filters";
import type { VariantView } from "./types";

describe("parseCatalogFilters", () => {
  it("reads every filter", () => {
    expect(
      parseCatalogFilters({
        q: "  flux flex ",
        provider: "Black-Forest-Labs",
        modality: "image",
        task: "text_to_image",
        min: "0.05",
        max: "$0.2",
        sort: "price-asc",
      }),
    ).toEqual({
      q: "flux flex",
      provider: "black-forest-labs",
      modality: "image",
      task: "text_to_image",
      minPriceMicros: 50_000,
      maxPriceMicros: 200_000,
      sort: "price-asc",
    });
  });

  it("returns no filters for no params", () => {
    expect(parseCatalogFilters({})).toEqual({});
  });

  it.each([
    ["q", ""],
    ["q", "   "],
    ["q", "x".repeat(201)],
    ["provider", "fal ai"],
    ["provider", "../etc"],
    ["modality", "smell"],
    ["task", "dance"],
    ["min", "-1"],
    ["min", "cheap"],
    ["max", "1e9"],
    ["max", "0.1234567"],
    ["sort", "random"],
  ])("drops %s=%j instead of failing", (key, value) => {
    expect(parseCatalogFilters({ [key]: value, sort: "name" })).toEqual({ sort: "name" });
  });

  it("takes the first of repeated params", () => {
    expect(parseCatalogFilters({ task: ["image_to_image", "edit"], min: ["1", "2"] })).toEqual({
      task: "image_to_image",
      minPriceMicros: 1_000_000,
    });
  });

  it("accepts the hyphenated task form", () => {
    expect(parseCatalogFilters({ task: "Image-To-Image" })).toEqual({ task: "image_to_image" });
  });
});

const view = (slug: string, over: Partial<VariantView>) => ({ slug, ...over }) as VariantView;
const bfl = { slug: "black-forest-labs", name: "Black Forest Labs" };
const openai = { slug: "openai", name: "OpenAI" };
const facets = catalogFacets([
  view("a", { provider: openai, modality: "image", task: "text_to_image" }),
  view("b", { provider: bfl, modality: "image", task: "edit" }),
  view("c", { provider: bfl, modality: "image", task: "text_to_image" }),
]);

describe("catalogFacets", () => {
  it("offers only the values listed models have, providers by name with counts", () => {
    expect(facets).toEqual({
      modalities: ["image"],
      tasks: ["text_to_image", "edit"],
      providers: [
        { ...bfl, variantCount: 2 },
        { ...openai, variantCount: 1 },
      ],
    });
  });
});

describe("parseCatalogFilters, cleaned", () => {
  it("drops a maximum below the minimum, keeping the minimum", () => {
    expect(parseCatalogFilters({ min: "0.2", max: "0.1" })).toEqual({ minPriceMicros: 200_000 });
    expect(parseCatalogFilters({ min: "0.1", max: "0.1" })).toEqual({ minPriceMicros: 100_000, maxPriceMicros: 100_000 });
  });

  it.each([
    ["modality", "video"],
    ["task", "image_to_image"],
    ["provider", "ideogram"],
  ])("with facets, drops %s=%s that no listed model has", (key, value) => {
    expect(parseCatalogFilters({ [key]: value, q: "flux" }, facets)).toEqual({ q: "flux" });
    expect(parseCatalogFilters({ [key]: value }, undefined)).not.toEqual({});
  });

  it("keeps offered values with facets", () => {
    expect(parseCatalogFilters({ modality: "image", task: "edit", provider: "openai" }, facets)).toEqual({
      modality: "image",
      task: "edit",
      provider: "openai",
    });
  });
});

describe("catalogFiltersQuery", () => {
  it("writes one canonical query: fixed order, no defaults, prices as plain decimals", () => {
    const filters = parseCatalogFilters({ sort: "name", max: "$0.20", q: " flux ", task: "Text-To-Image", modality: "xyz", min: "abc" });
    expect(catalogFiltersQuery(filters)).toBe("q=flux&task=text_to_image&max=0.2&sort=name");
    expect(catalogFiltersQuery(parseCatalogFilters({ sort: "featured" }))).toBe("");
  });

  it("fills the form with what the results use", () => {
    expect(catalogFilterFields(parseCatalogFilters({ modality: "xyz", min: "abc", max: "1.5" }))).toEqual({
      q: "",
      provider: "",
      modality: "",
      task: "",
      min: "",
      max: "1.5",
      sort: "featured",
    });
  });

  it.each([
    [0, "0"],
    [50_000, "0.05"],
    [98_000, "0.098"],
    [2_000_000, "2"],
    [1_000_001, "1.000001"],
  ])("writes %d micros as %s", (micros, text) => {
    expect(microsToUsdText(micros)).toBe(text);
  });
});
