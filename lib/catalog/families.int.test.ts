import { describe, expect, it } from "vitest";
import { groupFamilies } from "./families";
import { getFamily, listVariants } from "./queries";

describe("getFamily", () => {
  it("loads a family with its listed variants in listing order, whatever the slug's case", async () => {
    const family = await getFamily("FLUX-2-FLEX");
    expect(family).toMatchObject({
      slug: "flux-2-flex",
      name: "FLUX.2 [flex]",
      provider: { slug: "black-forest-labs", name: "Black Forest Labs" },
      description: expect.stringContaining("sampling steps"),
    });
    expect(family!.variants.map((v) => v.slug)).toEqual([
      "flux-2-flex-text-to-image-2k",
      "flux-2-flex-text-to-image-1k",
      "flux-2-flex-image-to-image-2k",
      "flux-2-flex-image-to-image-1k",
    ]);
  });

  it("is null for an unknown family", async () => {
    expect(await getFamily("flux-9")).toBeNull();
  });

  it("agrees with the catalog's grouping of listVariants", async () => {
    const [fromCatalog] = groupFamilies(await listVariants()).filter((f) => f.slug === "flux-2-pro");
    const family = await getFamily("flux-2-pro");
    expect(family!.variants.map((v) => v.slug)).toEqual(fromCatalog!.variants.map((v) => v.slug));
    expect(fromCatalog).toMatchObject({ minPriceMicros: 35_000, maxPriceMicros: 49_000, resolutionTiers: ["1K", "2K"] });
  });
});
