import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TierPrices } from "./tier-prices";

const pro = { priceMicros: 35_000, upstreamCostMicros: 30_000 };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").replaceAll("&#x27;", "'").trim();
const render = (props: Partial<Parameters<typeof TierPrices>[0]>) =>
  renderToStaticMarkup(<TierPrices variant={pro} pricingModel="tiers" feePercent={0} accountSpentMicros={null} {...props} />);

describe("TierPrices", () => {
  it("lists the variant's price at each tier, and nothing about an account when signed out", () => {
    const html = render({});
    expect(text(html)).toContain("Standard $0.00 to $50.00 $0.035");
    expect(text(html)).toContain("Plus $50.00 to $200.00 $0.0345");
    expect(text(html)).toContain("Volume $5,000.00 and more $0.033");
    expect(html).not.toContain("your-price");
    expect(html).not.toContain("aria-current");
  });

  it("states the signed-in account's price now and marks its tier", () => {
    const html = render({ accountSpentMicros: 250_000_000 });
    expect(text(html)).toContain("You pay $0.034 per image now: the Growth tier, with $250.00 spent this month (UTC).");
    expect(html.match(/aria-current="true"[^>]*>\s*<th[^>]*>Growth/)).not.toBeNull();
  });

  it("says so when tiers cannot lower a price already near the upstream cost", () => {
    const html = render({ variant: { priceMicros: 168_000, upstreamCostMicros: 180_000 }, accountSpentMicros: 5_000_000_000 });
    expect(text(html)).toContain("You pay $0.168 per image now: the Volume tier");
    expect(text(html)).toContain("Volume tiers do not lower this model's price");
    expect(html).not.toContain("<table");
  });

  it("under pass-through pricing states the upstream's price and the top-up fee", () => {
    // The catalog hands pages the pass-through price (lib/catalog/queries.ts).
    const passthrough = { priceMicros: 30_000, upstreamCostMicros: 30_000 };
    expect(text(render({ variant: passthrough, pricingModel: "passthrough", feePercent: 5 }))).toBe(
      "This gateway charges pass-through prices: an image of this model costs $0.03, what the upstream charges for it, and a platform fee of 5% is taken from each top-up instead.",
    );
  });
});
