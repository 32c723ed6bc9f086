import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/catalog/pricing";
import type { VariantView } from "@/lib/catalog/types";
import { type PricingModel, tierPricesMicros, tierStanding, volumeTiers } from "@/lib/billing/tiers";

type Props = {
  variant: Pick<VariantView, "priceMicros" | "upstreamCostMicros">;
  pricingModel: PricingModel;
  feePercent: number;
  /** The signed-in account's spend this month; null when nobody is signed in. */
  accountSpentMicros: number | null;
};

const spend = (micros: number) => formatUsd(micros, { digits: 2 });

/** The price of one variant at each volume tier, and what the signed-in account pays for it now. */
export function TierPrices({ variant, pricingModel, feePercent, accountSpentMicros }: Props) {
  if (pricingModel === "passthrough") {
    return (
      <p className="text-sm text-muted-foreground" data-testid="tier-prices">
        This gateway charges pass-through prices: an image of this model costs {formatUsd(variant.priceMicros)}, what the upstream charges
        for it, and a platform fee of {feePercent}% is taken from each top-up instead.
      </p>
    );
  }
  const prices = tierPricesMicros(variant.priceMicros, variant.upstreamCostMicros);
  const current = accountSpentMicros === null ? null : tierStanding(accountSpentMicros);
  const isFlat = prices.every((p) => p === prices[0]);

  return (
    <div className="space-y-3" data-testid="tier-prices">
      {current && (
        <p className="text-sm" data-testid="your-price">
          You pay <span className="font-semibold tabular-nums">{formatUsd(prices[current.index]!)}</span> per image now: the{" "}
          {current.tier.name} tier, with {spend(accountSpentMicros!)} spent this month (UTC).
        </p>
      )}
      {isFlat ? (
        <p className="text-sm text-muted-foreground">
          Volume tiers do not lower this model&apos;s price: its list price is already within 10% of what the upstream
          charges.
        </p>
      ) : (
        <Table label="Price by monthly spend">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Tier</TableHeaderCell>
              <TableHeaderCell>Spend this month</TableHeaderCell>
              <TableHeaderCell>Price per image</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {volumeTiers.map((tier, i) => (
              <TableRow key={tier.name} className={current?.index === i ? "bg-accent/40" : undefined} aria-current={current?.index === i || undefined}>
                <TableHeaderCell scope="row" className="py-3 text-foreground">
                  {tier.name}
                </TableHeaderCell>
                <TableCell className="tabular-nums">
                  {volumeTiers[i + 1] ? `${spend(tier.fromMicros)} to ${spend(volumeTiers[i + 1]!.fromMicros)}` : `${spend(tier.fromMicros)} and more`}
                </TableCell>
                <TableCell className="font-semibold tabular-nums">{formatUsd(prices[i]!)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
