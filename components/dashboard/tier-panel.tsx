import { Card } from "@/components/ui/card";
import { formatUsd, MICROS_PER_USD } from "@/lib/catalog/pricing";
import { creditsAfterFee, type PricingModel, savingPercent, tierPricesMicros, tierStanding } from "@/lib/billing/tiers";

/** The model the panel states savings on; its list price and upstream cost. */
export type TierExample = { name: string; priceMicros: number; upstreamCostMicros: number | null };

type Props = { pricingModel: PricingModel; feePercent: number; spentMicros: number; example: TierExample | null };

const spend = (micros: number) => formatUsd(micros, { digits: 2 });

/** The billing page's word on pricing: the account's volume tier and what the next saves, or the top-up fee. */
export function TierPanel({ pricingModel, feePercent, spentMicros, example }: Props) {
  if (pricingModel === "passthrough") {
    const tenDollars = 10 * MICROS_PER_USD;
    return (
      <Card className="space-y-1 p-5" data-testid="tier-panel">
        <h2 className="font-medium">Pricing</h2>
        <p className="text-sm">
          Every image costs what the upstream charges for it. A platform fee of {feePercent}% is taken when you top up:{" "}
          {spend(tenDollars)} buys {spend(creditsAfterFee(tenDollars, feePercent))} of credits.
        </p>
      </Card>
    );
  }
  const standing = tierStanding(spentMicros);
  const prices = example ? tierPricesMicros(example.priceMicros, example.upstreamCostMicros) : null;
  const saving = standing.next && prices ? savingPercent(prices[standing.index]!, prices[standing.next.index]!) : 0;

  return (
    <Card className="space-y-1 p-5" data-testid="tier-panel">
      <h2 className="font-medium">Volume tier</h2>
      <p className="text-sm" data-testid="tier-status">
        Your tier: <span className="font-semibold">{standing.tier.name}</span> this month, with {spend(spentMicros)} spent
        since the 1st (UTC, jobs still running included).
      </p>
      <p className="text-sm text-muted-foreground" data-testid="tier-next">
        {standing.next
          ? `Spend ${spend(standing.next.remainingMicros)} more to reach ${standing.next.tier.name}${
              saving > 0 && example ? ` (saves ${saving}% on ${example.name})` : ""
            }.`
          : "This is the last tier: every model at its lowest price, 10% over the upstream's cost or its list price where that is lower."}
      </p>
    </Card>
  );
}
