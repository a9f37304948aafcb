// npm run check: verifies the data invariants of DATABASE_URL — cached bucket counts equal the
// quantity ledger, and inventory balances equal reservations and the inventory transaction ledger.
// Exits 1 and lists the offending rows when anything disagrees.
import { createDb } from "../lib/db/client.ts";
import { findInventoryMismatches, findQuantityLedgerMismatches } from "../lib/server/checks/consistency.ts";

const db = createDb();
try {
  const ledger = await findQuantityLedgerMismatches(db);
  const inventory = await findInventoryMismatches(db);
  const lines = await db.orderLine.count();
  const supplies = await db.inventorySupply.count();
  console.log(`quantity ledger: ${lines} line(s) checked, ${ledger.length} mismatch(es)`);
  for (const m of ledger) console.log(`  line ${m.orderLineId}: cached ${JSON.stringify(m.cached)} ≠ ledger ${JSON.stringify(m.ledger)}`);
  console.log(`inventory: ${supplies} supply row(s) checked, ${inventory.length} problem(s)`);
  for (const m of inventory) console.log(`  supply ${m.supplyId}: ${m.problem}`);
  process.exitCode = ledger.length || inventory.length ? 1 : 0;
} finally {
  await db.$disconnect();
}
