import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { VariantView } from "@/lib/catalog/types";
import { testVariant } from "@/lib/testing/variant-view";
import { PricingCompare } from "./pricing-compare";

function variant(priceMicros: number, referencePriceMicros: number | null, referenceSource: string | null): VariantView {
  return testVariant("flux-2-pro-text-to-image-1k", {
    displayName: "FLUX.2 [pro]",
    provider: { slug: "black-forest-labs", name: "Black Forest Labs" },
    resolutionTier: "1K",
    priceMicros,
    priceCredits: priceMicros / 7000,
    referencePriceMicros,
    referenceSource,
    description: "A model.",
    useCases: ["Posters"],
  });
}

const comparisonText = (html: string) =>
  /data-testid="price-comparison">([^<]*)</.exec(html)?.[1]?.replaceAll("&#x27;", "'") ?? null;

describe("PricingCompare", () => {
  it.each<[number, number, string]>([
    [35_000, 30_000, "Lumigate charges 17% more than fal.ai's list price for this model."],
    [28_000, 30_000, "Lumigate charges 7% less than fal.ai's list price for this model."],
    [30_100, 30_000, "Lumigate charges the same as fal.ai's list price for this model."],
  ])("states the difference when Lumigate charges %i against %i", (price, reference, sentence) => {
    expect(comparisonText(renderToStaticMarkup(<PricingCompare variant={variant(price, reference, "fal.ai")} />))).toBe(sentence);
  });

  it("names the reference's source and says the catalog records no date", () => {
    const html = renderToStaticMarkup(<PricingCompare variant={variant(35_000, 30_000, "fal.ai")} />);
    expect(html).toContain("List price on fal.ai, as listed in the catalog source (which records no date for it).");
  });

  it("claims no comparison without a reference price", () => {
    const html = renderToStaticMarkup(<PricingCompare variant={variant(35_000, null, null)} />);
    expect(comparisonText(html)).toBeNull();
    expect(html).not.toMatch(/more than|less than|the same as/);
  });
});
