import { describe, expect, it } from "vitest";
import { parseCatalogFilters } from "./filters";

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
