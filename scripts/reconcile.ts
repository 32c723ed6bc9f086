// npm run reconcile: check every account's wallet against its ledger; exit 1 on any drift.
import { findDrift } from "@/lib/billing";
import { disconnectDb, setDatabaseUrl } from "@/lib/db";
import { openDatabase } from "@/lib/db/local";

const database = await openDatabase();
try {
  setDatabaseUrl(database.url);
  const { checked, drift } = await findDrift();
  for (const d of drift) {
    console.log(
      `DRIFT ${d.accountId} available=${d.availableMicros} reserved=${d.reservedMicros} ledger_total=${d.ledgerTotalMicros} ledger_reserved=${d.ledgerReservedMicros} open_holds=${d.heldMicros}`,
    );
  }
  console.log(drift.length ? `${drift.length} of ${checked} accounts drift` : `OK: ${checked} accounts reconcile`);
  process.exitCode = drift.length ? 1 : 0;
} finally {
  await disconnectDb();
  await database.close();
}
