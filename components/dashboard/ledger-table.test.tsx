import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LedgerRow } from "@/lib/billing";
import type { TransactionRow } from "@/lib/billing/transactions";
import { LedgerTable } from "./ledger-table";

const createdAt = new Date("2026-03-02T10:00:00.000Z");

const hold: TransactionRow = {
  id: "txn_hold",
  kind: "hold",
  amountMicros: 0,
  reservedDeltaMicros: 40_000,
  availableAfterMicros: 9_960_000,
  memo: null,
  taskId: "task_abc",
  externalRef: null,
  modelSlug: "flux-2-pro-text-to-image-1k",
  createdAt,
};

const topup: TransactionRow = {
  id: "txn_topup",
  kind: "topup",
  amountMicros: 10_000_000,
  reservedDeltaMicros: 0,
  availableAfterMicros: 10_000_000,
  memo: "Card top-up of $10.00 (Stripe payment pi_3Pq9)",
  taskId: null,
  externalRef: "cs_test_1",
  modelSlug: null,
  createdAt,
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("LedgerTable", () => {
  it("shows transaction rows with the balance after, credits, what was set aside, the model and Stripe", () => {
    const html = renderToStaticMarkup(<LedgerTable rows={[hold, topup]} />);
    expect(text(html)).toContain("Available after");
    expect(text(html)).toContain("Reserved $0.00 0 credits Sets aside $0.04 $9.96 1,422.86 credits");
    expect(text(html)).toContain("Top-up +$10.00 +1,428.57 credits $10.00 1,428.57 credits");
    expect(html).toContain('href="/models/flux-2-pro-text-to-image-1k"');
    expect(html).toContain('href="https://dashboard.stripe.com/payments/pi_3Pq9"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(text(html)).toContain("task_abc Copy task ID");
  });

  it("shows a balance below zero with its sign", () => {
    const refund: TransactionRow = { ...topup, id: "txn_refund", kind: "refund", amountMicros: -11_000_000, availableAfterMicros: -1_000_000 };
    expect(text(renderToStaticMarkup(<LedgerTable rows={[refund]} />))).toContain("Refund −$11.00 −1,571.43 credits −$1.00 −142.86 credits");
  });

  it("keeps the billing page's plain ledger rows without a balance column", () => {
    const plain: LedgerRow = { id: "txn_1", kind: "capture", amountMicros: -40_000, memo: null, taskId: "task_abc", createdAt };
    const html = renderToStaticMarkup(<LedgerTable rows={[plain]} />);
    expect(html).not.toContain("Available after");
    expect(text(html)).toContain("Charge −$0.04 −5.71 credits");
    expect(html).not.toContain("/models/");
  });

  it("says so when there is nothing to show", () => {
    expect(text(renderToStaticMarkup(<LedgerTable rows={[]} empty="No transactions match these filters." />))).toContain(
      "No transactions match these filters.",
    );
  });
});
