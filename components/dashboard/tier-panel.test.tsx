import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TierPanel } from "./tier-panel";

const example = { name: "FLUX.2 [pro]", priceMicros: 35_000, upstreamCostMicros: 30_000 };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const render = (spentMicros: number, props: Partial<Parameters<typeof TierPanel>[0]> = {}) =>
  text(renderToStaticMarkup(<TierPanel pricingModel="tiers" feePercent={0} spentMicros={spentMicros} example={example} {...props} />));

describe("TierPanel", () => {
  it.each([
    [0, "Standard", "$0.00", "Spend $50.00 more to reach Plus (saves 1.4% on FLUX.2 [pro])."],
    [49_990_000, "Standard", "$49.99", "Spend $0.01 more to reach Plus (saves 1.4% on FLUX.2 [pro])."],
    [50_000_000, "Plus", "$50.00", "Spend $150.00 more to reach Growth (saves 1.4% on FLUX.2 [pro])."],
    [1_234_560_000, "Scale", "$1,234.56", "Spend $3,765.44 more to reach Volume (saves 1.4% on FLUX.2 [pro])."],
  ])("at %i micro-USD shows %s and what the next tier saves", (spent, tier, shown, next) => {
    const out = render(spent);
    expect(out).toContain(`Your tier: ${tier} this month, with ${shown} spent since the 1st`);
    expect(out).toContain(next);
  });

  it("in the last tier says there is no next one", () => {
    expect(render(5_000_000_000)).toContain("This is the last tier");
  });

  it("leaves the saving out when the example model gains nothing", () => {
    expect(render(0, { example: { name: "FLUX.2 [flex]", priceMicros: 168_000, upstreamCostMicros: 180_000 } })).toContain(
      "Spend $50.00 more to reach Plus.",
    );
  });

  it("under pass-through pricing shows the top-up fee and what $10 buys", () => {
    expect(render(0, { pricingModel: "passthrough", feePercent: 5 })).toBe(
      "Pricing Every image costs what the upstream charges for it. A platform fee of 5% is taken when you top up: $10.00 buys $9.52 of credits.",
    );
  });
});
