import Link from "next/link";
import { byokFeeMicros } from "@/lib/byok/fee";
import { formatUsd } from "@/lib/catalog/pricing";

/** "A, B or C", as people say it. */
function either(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** One line under a model's price: what a task costs on the account's own upstream key. */
export function ByokFeeNote({ priceMicros, feePercent, upstreams }: { priceMicros: number; feePercent: number; upstreams: string[] }) {
  if (upstreams.length === 0) return null;
  const fee = byokFeeMicros(priceMicros, feePercent);
  return (
    <p className="text-xs text-muted-foreground">
      With your own {either(upstreams)} key:{" "}
      <span className="font-medium text-foreground tabular-nums">{formatUsd(fee, { digits: 6 })}</span> per image
      {feePercent === 0 ? " (no Lumigate fee)" : ` (the ${feePercent}% platform fee)`}.{" "}
      <Link href="/dashboard/providers" className="underline underline-offset-2 hover:text-foreground">
        Add a key
      </Link>
    </p>
  );
}
