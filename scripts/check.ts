// npm run check: verifies the data invariants of DATABASE_URL — cached bucket counts equal the
// quantity ledger, inventory balances equal reservations and the inventory transaction ledger, and
// refunds never exceed what was paid and agree across order, tenders and gateway results, and the
// points running totals agree with the points ledger.
// Exits 1 and lists the offending rows when anything disagrees.
import { createDb } from "../lib/platform/db/client.ts";
import { findInventoryMismatches, findMoneyMismatches, findQuantityLedgerMismatches } from "../lib/modules/checks/server/consistency.ts";
import { findPointsMismatches } from "../lib/modules/points/server/check-points.ts";

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
  const money = await findMoneyMismatches(db);
  console.log(`money: ${await db.order.count()} order(s) checked, ${money.length} problem(s)`);
  for (const m of money) console.log(`  order ${m.orderId}: ${m.problem}`);
  const points = await findPointsMismatches(db);
  console.log(`points: ${await db.pointsTransaction.count()} transaction(s) checked, ${points.length} problem(s)`);
  for (const m of points) console.log(`  points transaction ${m.transactionId}: ${m.problem}`);
  process.exitCode = ledger.length || inventory.length || money.length || points.length ? 1 : 0;
} finally {
  await db.$disconnect();
}
