import { describe, expect, it } from "vitest";
import type { VariantFigures } from "@/lib/stats/types";
import {
  compareParamRows,
  compareSpecRows,
  lowest,
  matchListedSlugs,
  paramDefault,
  paramRange,
  resolveCompareModels,
  type CompareColumn,
} from "./compare";
import type { ParamDescriptor } from "./params";
import type { VariantView } from "./types";
import { testVariant } from "@/lib/testing/variant-view";

const steps: ParamDescriptor = { name: "steps", label: "Steps", description: "Sampling steps.", type: "integer", min: 1, max: 50, default: 28 };
const seed: ParamDescriptor = { name: "seed", label: "Seed", description: "Seed.", type: "integer", min: 0, max: 2_147_483_647 };
const format: ParamDescriptor = { name: "output_format", label: "Format", description: "Format.", type: "enum", options: ["png", "jpeg"], default: "png" };

function variant(slug: string, over: Partial<VariantView> = {}): VariantView {
  return testVariant(slug, {
    displayName: slug.toUpperCase(),
    family: { slug: "flux-2-flex", name: "FLUX.2 [flex]" },
    resolutionTier: "1K",
    priceMicros: 98_000,
    priceCredits: 14,
    parameters: [seed],
    ...over,
  });
}

function figures(requests: number, successes: number, medianLatencyMs: number | null): VariantFigures {
  return { requests, successes, medianLatencyMs, isSimulated: false, daily: [], computedAt: new Date("2026-01-01T00:00:00Z") };
}

const column = (v: VariantView, f: VariantFigures | null = null): CompareColumn => ({ variant: v, status: "operational", figures: f });
const row = (columns: CompareColumn[], key: string) => compareSpecRows(columns).find((r) => r.key === key)!;

describe("lowest", () => {
  it.each([
    ["marks the single lowest", [3, 1, 2], [false, true, false]],
    ["marks every tie for lowest", [1, 2, 1], [true, false, true]],
    ["skips missing values", [null, 5, 4], [false, false, true]],
    ["marks nothing when all are equal", [2, 2], [false, false]],
    ["marks nothing with one value to compare", [null, 2], [false, false]],
    ["marks nothing in a single column", [7], [false]],
  ])("%s", (_, values, expected) => {
    expect(lowest(values)).toEqual(expected);
  });
});

describe("compareSpecRows", () => {
  it("highlights the cheapest price and the fastest median", () => {
    const columns = [
      column(variant("a", { priceMicros: 98_000 }), figures(10, 10, 4000)),
      column(variant("b", { priceMicros: 35_000 }), figures(10, 9, 6000)),
      column(variant("c", { priceMicros: 168_000 }), null),
    ];
    expect(row(columns, "price")).toMatchObject({ values: [98_000, 35_000, 168_000], best: [false, true, false], same: false });
    expect(row(columns, "p50")).toMatchObject({ values: [4000, 6000, null], best: [true, false, false] });
    expect(row(columns, "successRate").values).toEqual([1, 0.9, null]);
    expect(row(columns, "runs").values).toEqual([10, 10, 0]);
  });

  it("marks rows where every column agrees, and never a single column", () => {
    const columns = [column(variant("a")), column(variant("b", { resolutionTier: "2K" }))];
    expect(row(columns, "provider").same).toBe(true);
    expect(row(columns, "tier")).toMatchObject({ values: ["1K", "2K"], same: false });
    expect(row([column(variant("a"))], "provider").same).toBe(false);
  });

  it("states the difference to the reference price, or nothing without one", () => {
    const columns = [
      column(variant("a", { priceMicros: 90_000, referencePriceMicros: 100_000, referenceSource: "fal.ai" })),
      column(variant("b")),
    ];
    expect(row(columns, "reference").values).toEqual(["10% less than fal.ai's list price", null]);
  });

  it("gives a variant without runs no success rate and no median", () => {
    const columns = [column(variant("a"), figures(0, 0, null)), column(variant("b"), figures(4, 0, null))];
    expect(row(columns, "successRate").values).toEqual([null, 0]);
    expect(row(columns, "p50")).toMatchObject({ values: [null, null], best: [false, false] });
  });
});

describe("compareParamRows", () => {
  it("lists each parameter of any column once, with a gap where a variant lacks it", () => {
    const rows = compareParamRows([
      column(variant("a", { parameters: [steps, seed] })),
      column(variant("b", { parameters: [seed, format] })),
    ]);
    expect(rows.map((r) => r.name)).toEqual(["steps", "seed", "output_format"]);
    expect(rows[0]!.cells).toEqual([steps, null]);
    expect(rows[1]).toMatchObject({ same: true });
    expect(rows[2]).toMatchObject({ cells: [null, format], same: false });
  });

  it("tells a different range or default apart from different wording", () => {
    const reworded = compareParamRows([
      column(variant("a", { parameters: [steps] })),
      column(variant("b", { parameters: [{ ...steps, label: "Step count", description: "Other words." }] })),
    ]);
    expect(reworded[0]!.same).toBe(true);
    const otherDefault = compareParamRows([
      column(variant("a", { parameters: [steps] })),
      column(variant("b", { parameters: [steps] })),
      column(variant("c", { parameters: [{ ...steps, default: 50 }] })),
    ]);
    expect(otherDefault[0]!.same).toBe(false);
  });
});

describe("paramRange and paramDefault", () => {
  it.each<[ParamDescriptor, string, string | null]>([
    [steps, "1 to 50", "28"],
    [seed, "0 to 2147483647", null],
    [format, "png, jpeg", "png"],
    [{ name: "raw", label: "Raw", description: "Raw.", type: "boolean", default: false }, "true or false", "false"],
    [{ name: "prompt", label: "Prompt", description: "Prompt.", type: "string", maxLength: 1 }, "Text, up to 1 character", null],
    [{ name: "image_urls", label: "Images", description: "Images.", type: "image_urls", minItems: 1, maxItems: 8 }, "1 to 8 images", null],
    [{ name: "image_urls", label: "Images", description: "Images.", type: "image_urls", minItems: 1, maxItems: 1 }, "1 image", null],
    [{ name: "guidance", label: "Guidance", description: "G.", type: "number", min: 1.5, max: 10, step: 0.5, default: 4.5 }, "1.5 to 10, step 0.5", "4.5"],
  ])("describes %o", (p, range, fallback) => {
    expect(paramRange(p)).toBe(range);
    expect(paramDefault(p)).toBe(fallback);
  });
});

describe("resolveCompareModels", () => {
  const known = new Map([
    ["a", variant("a")],
    ["alias-of-a", variant("a")],
    ["b", variant("b")],
    ["c", variant("c")],
    ["d", variant("d")],
    ["e", variant("e")],
  ]);
  const resolve = async (token: string) => {
    const v = known.get(token);
    return v ? { variant: v } : null;
  };

  it("keeps the order, counts two names of one variant once and names the unknown", async () => {
    const result = await resolveCompareModels(["b", "nope", "a", "alias-of-a"], resolve);
    expect(result.variants.map((v) => v.slug)).toEqual(["b", "a"]);
    expect(result.unknown).toEqual(["nope"]);
    expect(result.overflow).toEqual([]);
  });

  it("drops what is past four variants", async () => {
    const result = await resolveCompareModels(["a", "b", "c", "d", "e"], resolve);
    expect(result.variants.map((v) => v.slug)).toEqual(["a", "b", "c", "d"]);
    expect(result.overflow).toEqual(["e"]);
  });
});

describe("matchListedSlugs", () => {
  const catalog = [
    variant("flux-2-pro-text-to-image-1k", { aliases: ["flux-2-pro"] }),
    variant("qwen-image-text-to-image"),
    variant("old-model", { status: "disabled" }),
  ];

  it("resolves aliases in any case, once each, and drops unknown and disabled slugs", () => {
    expect(matchListedSlugs(["Flux-2-Pro", "qwen-image-text-to-image", "flux-2-pro-text-to-image-1k", "old-model", "nope"], catalog)).toEqual({
      slugs: ["flux-2-pro-text-to-image-1k", "qwen-image-text-to-image"],
      dropped: ["old-model", "nope"],
    });
  });
});
