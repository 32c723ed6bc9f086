import { describe, expect, it } from "vitest";
import { familyExample, familyStatus, groupFamilies, variantPickerGrid } from "./families";
import type { ServingStatus } from "./serving";
import type { VariantView } from "./types";
import { testVariant } from "@/lib/testing/variant-view";

function variant(slug: string, family: string, over: Partial<VariantView> = {}): VariantView {
  return testVariant(slug, { family: { slug: family, name: family.toUpperCase() }, description: `${slug} description`, useCases: ["posters"], ...over });
}

const flex = [
  variant("flex-t2i-2k", "flex", { resolutionTier: "2K", priceMicros: 168_000 }),
  variant("flex-t2i-1k", "flex", { resolutionTier: "1K", priceMicros: 98_000 }),
  variant("flex-i2i-2k", "flex", { task: "image_to_image", resolutionTier: "2K", priceMicros: 168_000 }),
];
const kontext = [
  variant("kontext-edit", "kontext", { task: "edit", priceMicros: 49_000 }),
  variant("kontext-t2i", "kontext", { priceMicros: 35_000 }),
];

describe("groupFamilies", () => {
  it("keeps the order families first appear in and the variants' order within each", () => {
    const families = groupFamilies([kontext[0]!, ...flex, kontext[1]!]);
    expect(families.map((f) => f.slug)).toEqual(["kontext", "flex"]);
    expect(families[0]!.variants.map((v) => v.slug)).toEqual(["kontext-edit", "kontext-t2i"]);
    expect(families[1]!.variants.map((v) => v.slug)).toEqual(["flex-t2i-2k", "flex-t2i-1k", "flex-i2i-2k"]);
  });

  it("gives the price range, the tasks in a fixed order and only pixel tiers, smallest first", () => {
    const [f] = groupFamilies([...flex, variant("flex-t2i-ultra", "flex", { resolutionTier: "Ultra", priceMicros: 210_000 })]);
    expect(f).toMatchObject({
      name: "FLEX",
      provider: { slug: "bfl", name: "Black Forest Labs" },
      minPriceMicros: 98_000,
      maxPriceMicros: 210_000,
      tasks: ["text_to_image", "image_to_image"],
      resolutionTiers: ["1K", "2K"],
    });
    expect(groupFamilies(kontext)[0]!.tasks).toEqual(["text_to_image", "edit"]);
  });

  it("has nothing to group in an empty catalog", () => {
    expect(groupFamilies([])).toEqual([]);
  });
});

describe("familyStatus", () => {
  const [f] = groupFamilies(flex);
  it.each<[ServingStatus[], ServingStatus]>([
    [["operational", "operational", "operational"], "operational"],
    [["operational", "simulated", "operational"], "simulated"],
    [["simulated", "degraded", "operational"], "degraded"],
    [["degraded", "maintenance", "simulated"], "maintenance"],
  ])("%j -> %s", (each, worst) => {
    const statuses = new Map(flex.map((v, i) => [v.slug, each[i]!]));
    expect(familyStatus(f!, statuses)).toBe(worst);
  });

  it("claims nothing without statuses", () => {
    expect(familyStatus(f!, new Map())).toBeUndefined();
  });
});

describe("familyExample", () => {
  const [f] = groupFamilies(flex);
  it("takes the first variant in listing order that has one", () => {
    expect(familyExample(f!, new Map([["flex-i2i-2k", "third"], ["flex-t2i-1k", "second"]]))).toBe("second");
  });
  it("is null when no variant has one", () => {
    expect(familyExample(f!, new Map([["elsewhere", "x"]]))).toBeNull();
  });
});

describe("variantPickerGrid", () => {
  it("lays tasks out as rows and tiers as columns, null where nothing is offered", () => {
    const grid = variantPickerGrid(flex);
    expect(grid.columns).toEqual([
      { tier: "1K", label: "1K" },
      { tier: "2K", label: "2K" },
    ]);
    expect(grid.rows.map((r) => [r.task, r.cells.map((c) => c?.slug ?? null)])).toEqual([
      ["text_to_image", ["flex-t2i-1k", "flex-t2i-2k"]],
      ["image_to_image", [null, "flex-i2i-2k"]],
    ]);
  });

  it("puts an untiered variant in a Standard column before quality tiers, which keep their order", () => {
    const grid = variantPickerGrid([
      variant("a-high", "a", { resolutionTier: "high" }),
      variant("a-ultra", "a", { resolutionTier: "Ultra" }),
      variant("a-plain", "a", { task: "edit" }),
    ]);
    expect(grid.columns.map((c) => c.label)).toEqual(["Standard", "high", "Ultra"]);
    expect(grid.rows.map((r) => [r.task, r.cells.map((c) => c?.slug ?? null)])).toEqual([
      ["text_to_image", [null, "a-high", "a-ultra"]],
      ["edit", ["a-plain", null, null]],
    ]);
  });
});
