import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ByokFeeNote } from "./byok-fee-note";

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("ByokFeeNote", () => {
  it("states the price on the account's own key in one line: no fee by default", () => {
    const html = renderToStaticMarkup(<ByokFeeNote priceMicros={35_000} feePercent={0} upstreams={["Black Forest Labs", "fal.ai", "Replicate"]} />);
    expect(text(html)).toBe("With your own Black Forest Labs, fal.ai or Replicate key: $0.00 per image (no Lumigate fee). Add a key");
    expect(html).toContain('href="/dashboard/providers"');
  });

  it("a fee shows to the micro-dollar, rounded up", () => {
    const html = renderToStaticMarkup(<ByokFeeNote priceMicros={35_000} feePercent={5} upstreams={["OpenAI"]} />);
    expect(text(html)).toBe("With your own OpenAI key: $0.00175 per image (the 5% platform fee). Add a key");
  });

  it("says nothing for a model no upstream key can serve", () => {
    expect(renderToStaticMarkup(<ByokFeeNote priceMicros={35_000} feePercent={5} upstreams={[]} />)).toBe("");
  });
});
