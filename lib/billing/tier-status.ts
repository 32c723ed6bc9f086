import "server-only";
import { resolveVariant } from "@/lib/catalog";
import { db } from "@/lib/db";
import { accountScope, spendPeriods } from "./periods";
import { pricingModel, topUpFeePercent } from "./pricing-model";

/**
 * The account's spend this UTC month, holds included: the window lumigate_create_task reads to
 * pick a volume tier, so the pages show the tier the next task is priced at.
 */
export async function monthSpendMicros(accountId: string, now = new Date()): Promise<number> {
  const window = await db.spendWindow.findUnique({
    where: { scope_period: { scope: accountScope(accountId), period: spendPeriods(now).month } },
    select: { spentMicros: true },
  });
  return window ? Number(window.spentMicros) : 0;
}

// The model the billing page states tier savings on: the catalog's most used everyday model.
const EXAMPLE_MODEL = "flux-2-pro";

/** What the billing page's tier panel shows for an account. */
export async function tierPanelProps(accountId: string) {
  const [spentMicros, example] = await Promise.all([monthSpendMicros(accountId), resolveVariant(EXAMPLE_MODEL)]);
  return {
    pricingModel: pricingModel(),
    feePercent: topUpFeePercent(),
    spentMicros,
    example: example && {
      name: example.variant.family.name,
      priceMicros: example.variant.priceMicros,
      upstreamCostMicros: example.variant.upstreamCostMicros,
    },
  };
}
