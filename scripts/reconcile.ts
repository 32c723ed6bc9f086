// npm run reconcile [-- --fix-slots]: check every wallet against its ledger, every charged task
// against its hold, and every in-flight counter against the unfinished tasks; exit 1 on any drift.
import { findDrift } from "@/lib/billing";
import { runDatabaseCommand } from "@/lib/db/command";
import { findHoldDrift, findSlotDrift, repairSlotCounters } from "@/lib/tasks/reconcile";

const fixSlots = process.argv.includes("--fix-slots");

await runDatabaseCommand(async () => {
  const { checked, drift } = await findDrift();
  for (const d of drift) {
    console.log(
      `DRIFT ${d.accountId} available=${d.availableMicros} reserved=${d.reservedMicros} ledger_total=${d.ledgerTotalMicros} ledger_reserved=${d.ledgerReservedMicros} open_holds=${d.heldMicros}`,
    );
  }
  const holds = await findHoldDrift();
  for (const h of holds) console.log(`HOLD ${h.taskId} task=${h.state} hold=${h.holdState ?? "none"} price=${h.priceMicros}`);
  const slots = await findSlotDrift();
  for (const s of slots) console.log(`SLOTS ${s.accountId} counter=${s.counter} unfinished_tasks=${s.inFlight}`);
  if (slots.length && fixSlots) console.log(`Repaired ${await repairSlotCounters()} in-flight counters.`);

  const problems = drift.length + holds.length + (fixSlots ? 0 : slots.length);
  console.log(
    problems
      ? `${drift.length} of ${checked} wallets drift, ${holds.length} tasks disagree with their holds, ${slots.length} in-flight counters drift`
      : `OK: ${checked} accounts reconcile; every charged task matches its hold; in-flight counters match their tasks`,
  );
  return problems ? 1 : 0;
});
