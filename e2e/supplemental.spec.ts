// Add-on orders, tracking numbers, returns the store starts and returns called off. Each test
// takes in its own order (e2e/own-order.ts), so no other spec's data is touched.
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../lib/platform/db/client";
import { loadActor } from "../lib/platform/auth/actor";
import { recordFulfillmentEvent } from "../lib/modules/orders/server/record-fulfillment-event";
import { createReturn } from "../lib/modules/returns/server/create-return";
import { adjustInventory } from "../lib/modules/inventory/server/adjust-inventory";
import { shot, signIn } from "./helpers";
import { openTestDb, shipUnits, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => void (db = openTestDb()));
test.afterAll(async () => await db?.$disconnect());

/** Three mugs at 15.00 + 1.50 tax each, paid by card: 49.50. */
const mugs = (externalRef: string) =>
  takeInOrder(db, {
    externalRef,
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1500, taxAmount: 450, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 4950 }],
  });

/** At phone width (390px) the page scrolls only downwards. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a buyer adds a unit to an order as an add-on order, pays for it and opens it from the related orders", async ({ page }) => {
  const order = await mugs("e2e-add-on");
  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "Add items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add items" })).toBeVisible();
  await fitsPhone(page, "buyer-add-on");

  // Nothing chosen and no reason: field messages, nothing stored.
  await page.getByRole("button", { name: /Pay .* and place order/ }).click();
  await expect(page.getByText("Choose how many units of at least one item to add")).toBeVisible();
  await expect(page.getByText("Choose a reason", { exact: true })).toBeVisible();
  expect(await db.order.count({ where: { parentOrderId: order.id } })).toBe(0);

  await page.getByLabel("Quantity of SKU-MUG").fill("1");
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: "Customer adds items" });
  await expect(page.getByTestId("add-on-total")).toHaveText("$16.50");
  await shot(page, "buyer-add-on");
  await page.getByRole("button", { name: "Pay $16.50 and place order" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}\\?addOn=`));
  const number = new URL(page.url()).searchParams.get("addOn")!;
  await expect(page.getByRole("status").filter({ hasText: `Add-on order ${number} placed` })).toBeVisible();

  const added = await db.order.findUniqueOrThrow({ where: { number }, include: { lines: true, payments: true } });
  expect([added.parentOrderId, added.supplementalType, added.total]).toEqual([order.id, "ADD_ON", 1650]);
  expect(added.lines.map((l) => [l.sku, l.quantity])).toEqual([["SKU-MUG", 1]]);
  expect(added.payments.map((p) => [p.method, p.amount])).toEqual([["CARD", 1650]]);

  const related = page.getByRole("list", { name: "Related orders" });
  await expect(related).toContainText(`Supplements ${order.number}`);
  await shot(page, "buyer-add-on-placed");
  await related.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(number) })).toBeVisible();
  await expect(page.getByRole("region", { name: "Items", exact: true })).toContainText("Mug");
});

test("the buyer sees the tracking number of each shipment after the store ships with one", async ({ page, browser }) => {
  const order = await mugs("e2e-tracking");
  const line = order.lines[0]!.id;
  const seller = (await loadActor(db, { email: "seller@demo.test" }, { via: "api", correlationId: "e2e-tracking" }))!;
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK"] as const) await recordFulfillmentEvent(db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 3 }] });

  const store = await (await browser.newContext()).newPage();
  await signIn(store, "seller@demo.test");
  await store.goto(`/seller/orders/${order.id}/fulfil`);
  await store.getByLabel("Quantity for SKU-MUG", { exact: true }).fill("2");
  await store.getByLabel("Tracking number for SKU-MUG").fill("1Z999AA10123456784");
  await store.getByRole("button", { name: "Ship SKU-MUG" }).click();
  await expect(store.getByText("2 × SKU-MUG shipped.")).toBeVisible();
  await store.context().close();

  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole("list", { name: "Shipments of SKU-MUG" })).toContainText("2 shipped · tracking 1Z999AA10123456784");
  await fitsPhone(page, "buyer-order-tracking");
});

test("the store starts a return of a shipped unit from its order page", async ({ page }) => {
  const order = await mugs("e2e-store-return");
  await shipUnits(db, order.id, order.lines[0]!.id, 2);
  await signIn(page, "seller@demo.test");
  await page.goto(`/seller/orders/${order.id}`);
  await page.getByRole("region", { name: "Returns" }).getByRole("link", { name: "Return items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Return items" })).toBeVisible();
  await fitsPhone(page, "seller-return-items");

  await page.getByLabel("Return quantity for SKU-MUG").fill("1");
  await page.getByLabel("Reason").selectOption({ label: "Arrived damaged" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  // 15.00 + 1/3 of 4.50 tax.
  await expect(page.getByRole("region", { name: "Refund preview" }).getByRole("row", { name: /Mug/ })).toContainText("$16.50");
  await page.getByRole("button", { name: "Confirm return" }).click();
  await expect(page).toHaveURL(new RegExp(`/seller/orders/${order.id}\\?return=RT-`));
  const number = new URL(page.url()).searchParams.get("return")!;
  await expect(page.getByRole("article", { name: `Return ${number}` })).toContainText("0 of 1 received");

  const stored = await db.returnOrder.findUniqueOrThrow({ where: { number }, include: { lines: true } });
  expect([stored.originalOrderId, stored.lines.map((l) => l.quantity)]).toEqual([order.id, [1]]);
  // Its page links the original order; the RETURN order is only OPS's to open.
  await page.getByRole("article", { name: `Return ${number}` }).getByRole("link", { name: number }).click();
  const orders = page.getByRole("region", { name: "Orders", exact: true });
  await expect(orders.getByRole("link", { name: order.number })).toBeVisible();
  await fitsPhone(page, "seller-return-page");
});

test("the buyer cancels a return before it is received; its units can be returned again", async ({ page }) => {
  const order = await mugs("e2e-cancel-return");
  const line = order.lines[0]!.id;
  await shipUnits(db, order.id, line, 2);
  const buyer = (await loadActor(db, { email: "buyer@demo.test" }, { via: "api", correlationId: "e2e-cancel-return" }))!;
  const r = await createReturn(db, buyer, order.id, { reasonCode: "NO_LONGER_NEEDED", lines: [{ orderLineId: line, quantity: 2 }], refundMethod: "ORIGINAL_PAYMENT" });

  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  const card = page.getByRole("article", { name: `Return ${r.number}` });
  await expect(card).toContainText("Waiting for approval");
  await card.getByRole("button", { name: "Cancel return" }).click();
  await expect(card).toContainText("Cancelled");
  await expect(card.getByRole("button", { name: "Cancel return" })).toHaveCount(0);
  expect((await db.returnOrder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CANCELLED");
  await shot(page, "buyer-return-cancelled");

  // Both units are free again: a preview of returning them both goes through.
  await page.getByRole("link", { name: "Return items" }).click();
  await page.getByLabel("Return quantity for SKU-MUG").fill("2");
  await page.getByLabel("Reason").selectOption({ label: "No longer needed" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(page.getByRole("region", { name: "Refund preview" }).getByRole("row", { name: /Mug/ })).toContainText("$33.00");
});

test("the buyer sees the assets the delivered units of an asset-tracked item became", async ({ page }) => {
  const ops = (await loadActor(db, { email: "ops@demo.test" }, { via: "api", correlationId: "e2e-assets" }))!;
  const order = await takeInOrder(db, {
    externalRef: "e2e-assets",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-E2E-SENSOR", itemName: "Door sensor", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 2500, shipFromLocationCode: "DC-EAST", assetTracked: true }],
    payments: [{ method: "CARD", amount: 5000 }],
  });
  await adjustInventory(db, ops, { sku: "SKU-E2E-SENSOR", locationCode: "DC-EAST", quantity: 10, reason: "ADJUSTMENT" });
  const line = order.lines[0]!.id;
  await shipUnits(db, order.id, line, 2);
  await recordFulfillmentEvent(db, ops, order.id, { type: "DELIVER", lines: [{ orderLineId: line, quantity: 2 }] });
  const assets = await db.asset.findMany({ where: { orderId: order.id } });
  expect(assets.map((a) => a.status)).toEqual(["ACTIVE", "ACTIVE"]);

  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  const list = page.getByRole("region", { name: "Your assets" }).getByRole("list", { name: "Assets" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  for (const a of assets) await expect(list.getByRole("listitem").filter({ hasText: a.id })).toContainText("Door sensor");
  await expect(list).toContainText("Active");
  await fitsPhone(page, "buyer-order-assets");
});
