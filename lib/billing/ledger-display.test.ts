import { describe, expect, it } from "vitest";
import { ledgerKindLabel, ledgerKinds, stripeLinkFor } from "./ledger-display";

describe("stripeLinkFor", () => {
  it.each<[string, string | null, string | null, string | null]>([
    ["topup", "cs_test_a1", "Card top-up of $10.00 (Stripe payment pi_3Pq9)", "https://dashboard.stripe.com/payments/pi_3Pq9"],
    ["refund", "pi_3Zz1", "Refund", "https://dashboard.stripe.com/payments/pi_3Zz1"],
    ["refund", "re_9", "Refund, receipt https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3", "https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3"],
    ["dispute", "dp_1:pi_77", null, "https://dashboard.stripe.com/payments/pi_77"],
    ["topup", "cs_test_a1", "Card top-up of $10.00", null],
    // Only money that came through Stripe links there, whatever its memo says.
    ["grant", "pi_3Pq9", "https://pay.stripe.com/receipts/x", null],
    ["adjustment", null, "pi_3Pq9", null],
    ["topup", "api_key_1", "spin_up", null],
  ])("%s %s %s -> %s", (kind, externalRef, memo, link) => {
    expect(stripeLinkFor({ kind, externalRef, memo })).toBe(link);
  });
});

describe("ledgerKindLabel", () => {
  it("labels every ledger kind, and shows an unknown one as it is", () => {
    expect(ledgerKinds.map(ledgerKindLabel)).toEqual([
      "Credit grant",
      "Top-up",
      "Reserved",
      "Charge",
      "Released",
      "Refund",
      "Adjustment",
      "Dispute",
    ]);
    expect(ledgerKindLabel("payout")).toBe("payout");
  });
});
