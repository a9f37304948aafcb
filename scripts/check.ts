// npm run check: verifies the data invariants of DATABASE_URL — cached bucket counts equal the
// quantity ledger, inventory balances equal reservations and the inventory transaction ledger, and
// refunds never exceed what was paid and agree across order, tenders and gateway results, and the
// points running totals agree with the points ledger; units received on returns equal the RETURNED
// units of each line's ledger, refunds across an order and its linked orders stay within each tender,
// and assets match the delivered units not returned.
// Exits 1 and lists the offending rows when anything disagrees.
import { createDb } from "../lib/platform/db/client.ts";
import { findInventoryMismatches, findMoneyMismatches, findQuantityLedgerMismatches } from "../lib/modules/checks/server/consistency.ts";
import { findPointsMismatches } from "../lib/modules/points/server/check-points.ts";
import { findReturnAndAssetMismatches } from "../lib/modules/checks/server/return-checks.ts";

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
  const returns = await findReturnAndAssetMismatches(db);
  console.log(`returns, linked refunds and assets: ${await db.returnOrder.count()} return(s), ${await db.asset.count()} asset(s) checked, ${returns.length} problem(s)`);
  for (const m of returns) console.log(`  ${m.kind.toLowerCase()} ${m.objectType} ${m.objectId} (order ${m.orderId}): ${m.detail}`);
  process.exitCode = ledger.length || inventory.length || money.length || points.length || returns.length ? 1 : 0;
} finally {
  await db.$disconnect();
}
