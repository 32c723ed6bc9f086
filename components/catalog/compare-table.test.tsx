import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CompareColumn } from "@/lib/catalog/compare";
import type { ParamDescriptor } from "@/lib/catalog/params";
import type { VariantView } from "@/lib/catalog/types";
import { CompareTable } from "./compare-table";

const steps: ParamDescriptor = { name: "steps", label: "Steps", description: "Sampling steps.", type: "integer", min: 1, max: 50, default: 28 };

const variant = (slug: string, displayName: string, priceMicros: number, parameters: ParamDescriptor[]) =>
  ({
    slug,
    displayName,
    provider: { slug: "p", name: "P" },
    family: { slug: "f", name: "F" },
    task: "text_to_image",
    resolutionTier: null,
    priceMicros,
    referencePriceMicros: null,
    referenceSource: null,
    parameters,
    status: "operational",
    releaseDate: "2025-11-25",
  }) as VariantView;

const columns: CompareColumn[] = [
  { variant: variant("flex", "Flex", 98_000, [steps]), status: "operational", figures: null },
  { variant: variant("pro", "Pro", 35_000, []), status: "simulated", figures: null },
];

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("CompareTable", () => {
  const html = renderToStaticMarkup(<CompareTable columns={columns} />);

  it("gives each variant a column that links to it and removes itself from the URL", () => {
    expect(html.match(/data-testid="compare-column"/g)).toHaveLength(2);
    expect(html).toContain('href="/models/flex"');
    expect(html).toMatch(/aria-label="Remove Flex from the comparison"[^>]*href="\/models\/compare\?models=pro"/);
  });

  it("marks the cheapest price in its own column", () => {
    expect(text(html)).toMatch(/Price per image \$0\.098 14 credits \$0\.035 Cheapest 5 credits/);
  });

  it("shows a parameter's range and default, and a dash where a variant lacks it", () => {
    expect(text(html)).toMatch(/steps Steps 1 to 50 Default 28 — not taken/);
  });
});
