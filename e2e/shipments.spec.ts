// Shipment records: the seller ships units with carrier, tracking and a package from the fulfil
// page and reads the shipment on the order page; the buyer reads carrier, tracking and quantity.
// Desktop and phone width. Uses an order of its own.
import { expect, test } from "@playwright/test";
import { openTestDb, takeInOrder } from "./own-order";
import { fitsPhone, shot, signIn } from "./helpers";

const db = openTestDb();

const newOrder = () =>
  takeInOrder(db, {
    externalRef: "e2e-shipments",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1500, taxAmount: 450, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 4950 }],
  });

test("a seller ships units with carrier, tracking and a package; seller and buyer see the shipment", async ({ page, browser }) => {
  const order = await newOrder();
  await signIn(page, "seller@demo.test");
  await page.goto(`/seller/orders/${order.id}/fulfil`);
  const form = page.getByRole("form", { name: "Move units of several lines" });
  await expect(form.getByLabel("Move to")).toHaveValue("SHIPPED");
  await form.getByLabel("Units of SKU-MUG to move").fill("2");
  await form.getByLabel("Tracking number for these lines").fill("1Z-E2E-SHIP-7");
  await form.getByLabel("Carrier").fill("UPS");
  // A weight that is not a number: the message sits next to it and nothing ships.
  await form.getByLabel("Package 1 box size").fill("M");
  await form.getByLabel("Weight (kg)").fill("heavy");
  await form.getByRole("button", { name: "Move to shipped" }).click();
  await expect(form.getByLabel("Weight (kg)")).toHaveAttribute("aria-invalid", "true");
  expect((await db.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } })).qtyShipped).toBe(0);
  await shot(page, "shipments-fulfil-error");

  await form.getByLabel("Weight (kg)").fill("1.25");
  await form.getByLabel(/Packing notes/).fill("Fragile: wrap twice");
  await shot(page, "shipments-fulfil");
  await fitsPhone(page, "shipments-fulfil");
  await form.getByRole("button", { name: "Move to shipped" }).click();
  await expect(form.getByText("2 × SKU-MUG shipped.")).toBeVisible();

  await page.goto(`/seller/orders/${order.id}`);
  const card = page.getByRole("region", { name: "Shipments" });
  await expect(card).toBeVisible();
  const shipment = await db.shipment.findFirstOrThrow({ where: { orderId: order.id } });
  expect(shipment.number).toMatch(/^SH-\d{6}$/);
  await expect(card.getByRole("heading", { name: shipment.number })).toBeVisible();
  await expect(card).toContainText("UPS");
  await expect(card).toContainText("1Z-E2E-SHIP-7");
  await expect(card).toContainText("M · 1.25 kg");
  await expect(card).toContainText("Fragile: wrap twice");
  await expect(card.getByRole("list", { name: `Lines of ${shipment.number}` })).toContainText("2 shipped");
  await expect(card.getByRole("list", { name: `Stages of ${shipment.number}` })).toContainText("Packed");
  await expect(card.getByRole("list", { name: `Stages of ${shipment.number}` })).toContainText("Shipped");
  await card.scrollIntoViewIfNeeded();
  await shot(page, "shipments-seller-order");
  await fitsPhone(page, "shipments-seller-order");

  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await signIn(buyer, "buyer@demo.test");
  await buyer.goto(`/orders/${order.id}`);
  const shipments = buyer.getByRole("list", { name: "Shipments of SKU-MUG" });
  await expect(shipments).toContainText("2 shipped with UPS · tracking 1Z-E2E-SHIP-7");
  await expect(shipments).toContainText("Shipped");
  // Packing notes and shipment numbers are the store's own.
  await expect(buyer.getByText("Fragile: wrap twice")).toHaveCount(0);
  await expect(buyer.getByText(shipment.number)).toHaveCount(0);
  await shipments.scrollIntoViewIfNeeded();
  await shot(buyer, "shipments-buyer-order");
  await fitsPhone(buyer, "shipments-buyer-order");
  await buyerContext.close();
});
