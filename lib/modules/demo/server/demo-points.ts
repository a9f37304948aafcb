import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { formatDay } from "../../points/domain/points.ts";
import { createPointsAccount, depositPoints, withdrawPoints } from "../../points/server/accounts.ts";
import { intakeOrder } from "../../orders/server/intake-order.ts";
import { withDemoOrderFields } from "./demo-order-fields.ts";

const DAY = 86_400_000;
export const DEMO_POINTS_ORDER_REF = "demo-points-1";

/**
 * buyer@demo.test's points: 1,500 SUMMER points (expiring in 30 days) and 2,000 WELCOME points
 * (in 300 days), of which 2,000 were redeemed 10 days ago to pay 20.00 of order demo-points-1
 * (2 copper kettles, the rest by card). Dates are relative to the day the demo data is loaded.
 * Runs once: nothing happens when the account exists.
 */
export async function loadDemoPoints(db: Db, actor: Actor, log: (s: string) => void) {
  if (await db.pointsAccount.findUnique({ where: { ownerEmail: "buyer@demo.test" } })) return;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  const inDays = (days: number) => formatDay(new Date(now + days * DAY));
  const account = await createPointsAccount(db, actor, { ownerEmail: "buyer@demo.test", deductionOrder: "FIFO" });
  await depositPoints(db, actor, account.id, { programId: "SUMMER", points: 1500, expiresAt: inDays(30), effectiveAt: ago(90) });
  await depositPoints(db, actor, account.id, { programId: "WELCOME", points: 2000, expiresAt: inDays(300), effectiveAt: ago(60) });
  const withdrawal = await withdrawPoints(db, actor, account.id, { points: 2000, sourceTransactionId: DEMO_POINTS_ORDER_REF, effectiveAt: ago(10) });
  if (await db.order.findUnique({ where: { externalRef: DEMO_POINTS_ORDER_REF } })) return;
  await intakeOrder(db, actor, withDemoOrderFields({
    externalRef: DEMO_POINTS_ORDER_REF,
    buyerEmail: "buyer@demo.test",
    customerType: "STANDARD",
    currency: "USD",
    orderType: "STANDARD",
    lines: [
      {
        sku: "SKU-KETTLE",
        itemName: "Copper kettle",
        category: "KITCHEN",
        storeCode: "acme",
        quantity: 2,
        unitPrice: 8900,
        taxAmount: 1424,
        shippingAmount: 0,
        discountAmount: 0,
        shipFromLocationCode: "DC-EAST",
      },
    ],
    payments: [
      { method: "CARD", amount: 17224 },
      { method: "POINTS", amount: 2000, pointsWithdrawTransactionId: withdrawal.transactionId },
    ],
  }));
  log("created buyer@demo.test's points account and order demo-points-1, paid partly with points");
}
