import { creditsLabel } from "@/components/catalog/credits-label";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog/pricing";

export function BalanceCard({ availableMicros, reservedMicros }: { availableMicros: number; reservedMicros: number }) {
  return (
    <Card className="space-y-1 p-5">
      <h2 className="text-sm font-medium">Balance</h2>
      <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="balance">
        {formatUsd(availableMicros)}
      </p>
      <p className="text-sm tabular-nums" data-testid="balance-credits">
        {creditsLabel(availableMicros)}
      </p>
      <p className="text-sm text-muted-foreground">
        {reservedMicros > 0
          ? `Plus ${formatUsd(reservedMicros)} set aside for jobs still running.`
          : "Available to spend on any model."}
      </p>
    </Card>
  );
}
