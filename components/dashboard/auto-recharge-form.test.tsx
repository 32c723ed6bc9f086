import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AutoRechargeForm, type AutoRechargeView } from "./auto-recharge-form";
import { BalanceBanner } from "./balance-banner";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {} }) }));

const save = async () => ({ ok: true as const, data: null });
const off: AutoRechargeView = {
  autoRechargeEnabled: false,
  autoRechargeThresholdMicros: null,
  autoRechargeAmountMicros: null,
  notifyBelowMicros: null,
  card: null,
  failure: null,
};
const render = (settings: Partial<AutoRechargeView>) =>
  renderToStaticMarkup(<AutoRechargeForm save={save} settings={{ ...off, ...settings }} minUsd={5} />);

describe("AutoRechargeForm", () => {
  it("without a saved card, says the next card top-up saves one and cannot be turned on", () => {
    const html = render({});
    expect(html).toContain("No card is saved yet: the card you pay your next top-up with is saved");
    expect(html).toMatch(/<input type="checkbox" disabled="" name="enabled"\/>/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Save auto-recharge/);
  });

  it("shows the saved card and the chosen amounts", () => {
    const html = render({ card: { brand: "visa", last4: "4242" }, autoRechargeEnabled: true, autoRechargeThresholdMicros: 7_500_000, autoRechargeAmountMicros: 25_000_000 });
    expect(html).toContain("visa ending 4242");
    expect(html).toMatch(/<input type="checkbox" name="enabled" checked=""\/>/);
    expect(html).toContain('value="7.5"');
    expect(html).toContain('value="25"');
    expect(html).not.toContain('role="alert"');
  });

  it("after a failed charge, an alert says why and what to do", () => {
    const html = render({ card: { brand: "visa", last4: "0002" }, failure: "card declined" });
    expect(html).toMatch(/role="alert"[^>]*>Auto-recharge failed: card declined\. It is off until you turn it on again; update your card by topping up once\./);
  });
});

describe("BalanceBanner", () => {
  it("renders nothing without notices, and each notice with its action link", () => {
    expect(renderToStaticMarkup(<BalanceBanner notices={[]} />)).toBe("");
    const html = renderToStaticMarkup(
      <BalanceBanner
        notices={[
          { kind: "low_balance", message: "Your balance is $1.50, below $2.00.", action: { href: "/dashboard/billing", label: "Top up" } },
          { kind: "daily_cap", message: "Today's spend cap of $5.00 is reached.", action: { href: "/dashboard/settings", label: "Raise the cap" } },
        ]}
      />,
    );
    expect(html).toContain("Your balance is $1.50, below $2.00.");
    expect(html).toContain('href="/dashboard/billing">Top up</a>');
    expect(html).toContain('href="/dashboard/settings">Raise the cap</a>');
  });
});
