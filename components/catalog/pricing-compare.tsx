import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/catalog/pricing";
import { compareToReference } from "@/lib/catalog/reference-price";
import type { VariantView } from "@/lib/catalog/types";
import { creditsLabel } from "./credits-label";

export function PricingCompare({ variant }: { variant: VariantView }) {
  const reference = variant.referencePriceMicros;
  const comparison =
    reference === null ? null : compareToReference(variant.priceMicros, reference, variant.referenceSource);

  return (
    <div className="space-y-3">
      <Table label="Price comparison" stacked>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Where</TableHeaderCell>
            <TableHeaderCell>Price per image</TableHeaderCell>
            <TableHeaderCell>Notes</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow className="bg-accent/40">
            <TableHeaderCell scope="row" className="py-3 text-foreground">
              Lumigate
            </TableHeaderCell>
            <TableCell label="Price per image" className="whitespace-nowrap">
              <span className="font-semibold tabular-nums">{formatUsd(variant.priceMicros)}</span>
              <span className="block text-xs text-muted-foreground">{creditsLabel(variant.priceMicros)}</span>
            </TableCell>
            <TableCell label="Notes" className="min-w-56 text-muted-foreground">
              Taken from your prepaid balance per image; nothing when a generation fails.
            </TableCell>
          </TableRow>
          {reference !== null && (
            <TableRow>
              <TableHeaderCell scope="row" className="py-3 text-foreground">
                {variant.referenceSource ?? "Upstream"}
              </TableHeaderCell>
              <TableCell label="Price per image" className="font-semibold whitespace-nowrap tabular-nums">{formatUsd(reference)}</TableCell>
              <TableCell label="Notes" className="min-w-56 text-muted-foreground">
                {variant.referenceSource ? `List price on ${variant.referenceSource}` : "Upstream list price"}, as listed in
                the catalog source (which records no date for it).
              </TableCell>
            </TableRow>
          )}
          <TableRow>
            <TableHeaderCell scope="row" className="py-3 text-foreground">
              Direct from {variant.provider.name}
            </TableHeaderCell>
            <TableCell label="Price per image" className="min-w-36">varies, needs its own account</TableCell>
            <TableCell label="Notes" className="min-w-56 text-muted-foreground">
              A separate sign-up, balance and API integration for this one provider.
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {comparison && (
        <p className="text-sm text-muted-foreground" data-testid="price-comparison">
          Lumigate charges {comparison.phrase} for this model.
        </p>
      )}
    </div>
  );
}
