// Orders a spec takes in for itself, so no other spec's demo data is touched: straight into the
// database of the server under test (E2E_DATABASE_URL, set by e2e/global-setup.ts), through the
// intake command as the integration user.
import type { z } from "zod";
import { createDb, type Db } from "../lib/platform/db/client.ts";
import { loadActor } from "../lib/platform/auth/actor.ts";
import { IntakeOrder } from "../lib/modules/orders/contracts/orders.ts";
import { intakeOrder } from "../lib/modules/orders/server/intake-order.ts";
import { recordFulfillmentEvent } from "../lib/modules/orders/server/record-fulfillment-event.ts";
import { wiring } from "../lib/wiring.ts";

/** The server's database, with the app's wiring (job handlers, approval subjects) in this process too. */
export function openTestDb(): Db {
  wiring();
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (e2e/global-setup.ts sets it when it starts the server)");
  return createDb(url);
}

/** A new order as a storefront would send it; `externalRef` is made unique per run. */
export async function takeInOrder(db: Db, input: z.input<typeof IntakeOrder>) {
  const integration = await loadActor(db, { email: "integration@demo.test" }, { via: "api", correlationId: `e2e-${input.externalRef}` });
  if (!integration) throw new Error("integration@demo.test is missing: run against demo data");
  return intakeOrder(db, integration, IntakeOrder.parse({ ...input, externalRef: `${input.externalRef}-${Date.now()}` }));
}

/** Moves `quantity` units of a line through every stage up to SHIPPED, as the line's store would. */
export async function shipUnits(db: Db, orderId: string, orderLineId: string, quantity: number, sellerEmail = "seller@demo.test") {
  const seller = await loadActor(db, { email: sellerEmail }, { via: "api", correlationId: `e2e-ship-${orderId}` });
  if (!seller) throw new Error(`${sellerEmail} is missing: run against demo data`);
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(db, seller, orderId, { type, lines: [{ orderLineId, quantity }] });
}
