import { describe, expect, it } from "vitest";
import type { VariantFigures } from "@/lib/stats/types";
import { buildCollection, collections, collectionSlugs, findCollection, textInImagesSlugs } from "./collections";
import { catalogSource } from "./source";
import type { VariantView } from "./types";
import { testVariant } from "@/lib/testing/variant-view";

function variant(slug: string, over: Partial<VariantView> = {}): VariantView {
  return testVariant(slug, { provider: { slug: "p", name: "P" }, family: { slug: "f", name: "F" }, releaseDate: "2025-01-01", ...over });
}

const median = (medianLatencyMs: number | null, requests = 5): VariantFigures => ({
  requests,
  successes: medianLatencyMs === null ? 0 : requests,
  medianLatencyMs,
  isSimulated: false,
  daily: [],
  computedAt: new Date("2026-01-01T00:00:00Z"),
});

const slugsOf = (sections: ReturnType<typeof buildCollection>) => sections.map((s) => s.variants.map((v) => v.slug));
const none = new Map<string, VariantFigures>();

describe("collections", () => {
  it("has one definition per slug and finds only those", () => {
    expect(collections.map((c) => c.slug)).toEqual([...collectionSlugs]);
    expect(findCollection("fastest")?.title).toBe("Fastest");
    expect(findCollection("slowest")).toBeNull();
    expect(findCollection("constructor")).toBeNull();
  });

  it("curates text-in-images slugs the catalog source lists", () => {
    const listed = new Set(catalogSource.variants.map((v) => v.slug));
    expect(textInImagesSlugs.filter((s) => !listed.has(s))).toEqual([]);
  });
});

describe("buildCollection", () => {
  it("ranks Fastest by median latency and puts variants without one last, in their own section", () => {
    const variants = [variant("slow"), variant("idle"), variant("fast"), variant("failing"), variant("mid")];
    const figures = new Map([
      ["slow", median(9000)],
      ["fast", median(800)],
      ["failing", median(null, 3)],
      ["mid", median(4000)],
    ]);
    const sections = buildCollection("fastest", variants, figures);
    expect(slugsOf(sections)).toEqual([["fast", "mid", "slow"], ["idle", "failing"]]);
    expect(sections[1]).toMatchObject({ heading: "Not ranked yet" });
    expect(sections[1]!.note).toMatch(/no delivered image in the last 7 days/i);
  });

  it("shows Fastest as unranked only while nothing has run", () => {
    const sections = buildCollection("fastest", [variant("a"), variant("b")], none);
    expect(sections.map((s) => s.heading)).toEqual(["Not ranked yet"]);
  });

  it("sorts Cheapest by price, keeping catalog order on ties", () => {
    const variants = [variant("b", { priceMicros: 49_000 }), variant("a", { priceMicros: 28_000 }), variant("c", { priceMicros: 49_000 })];
    expect(slugsOf(buildCollection("cheapest", variants, none))).toEqual([["a", "b", "c"]]);
  });

  it("lists the curated text-in-images variants in curated order and skips what the catalog lacks", () => {
    const variants = [variant("qwen-image-text-to-image"), variant("unrelated"), variant("gpt-image-1.5-text-to-image-high")];
    expect(slugsOf(buildCollection("text-in-images", variants, none))).toEqual([
      ["gpt-image-1.5-text-to-image-high", "qwen-image-text-to-image"],
    ]);
  });

  it("collects edit and image-to-image variants for Image editing", () => {
    const variants = [variant("t2i"), variant("edit", { task: "edit" }), variant("i2i", { task: "image_to_image" })];
    expect(slugsOf(buildCollection("image-editing", variants, none))).toEqual([["edit", "i2i"]]);
  });

  it("lists the newest eight for New", () => {
    const variants = Array.from({ length: 10 }, (_, i) => variant(`v${i}`, { releaseDate: `2025-0${(i % 9) + 1}-01` }));
    expect(slugsOf(buildCollection("new", variants, none))).toEqual([["v8", "v7", "v6", "v5", "v4", "v3", "v2", "v1"]]);
  });
});
