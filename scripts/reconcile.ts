// npm run reconcile: check every account's wallet against its ledger; exit 1 on any drift.
import { findDrift } from "@/lib/billing";
import { runDatabaseCommand } from "@/lib/db/command";

await runDatabaseCommand(async () => {
  const { checked, drift } = await findDrift();
  for (const d of drift) {
    console.log(
      `DRIFT ${d.accountId} available=${d.availableMicros} reserved=${d.reservedMicros} ledger_total=${d.ledgerTotalMicros} ledger_reserved=${d.ledgerReservedMicros} open_holds=${d.heldMicros}`,
    );
  }
  console.log(drift.length ? `${drift.length} of ${checked} accounts drift` : `OK: ${checked} accounts reconcile`);
  return drift.length ? 1 : 0;
});
