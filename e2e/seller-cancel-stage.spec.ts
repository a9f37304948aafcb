import { expect, test } from "@playwright/test";
import type { Db } from "../lib/platform/db/client";
import { loadActor } from "../lib/platform/auth/actor";
import { recordFulfillmentEvent } from "../lib/modules/orders/server/record-fulfillment-event";
import { fitsPhone, shot, signIn } from "./helpers";
import { openTestDb, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => void (db = openTestDb()));
test.afterAll(async () => await db?.$disconnect());

test("a seller previews a cancel from a chosen stage, writes an allocated unit off as damaged, and confirms exactly that", async ({ page }) => {
  // Four mugs at 20.00 + 2.00 tax each: two stay open, two are allocated.
  const order = await takeInOrder(db, {
    externalRef: "e2e-cancel-stage",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 4, unitPrice: 2000, taxAmount: 800, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 8800 }],
  });
  const lineId = order.lines[0]!.id;
  const seller = await loadActor(db, { email: "seller@demo.test" }, { via: "api", correlationId: "e2e-cancel-stage" });
  await recordFulfillmentEvent(db, seller!, order.id, { type: "ALLOCATE", lines: [{ orderLineId: lineId, quantity: 2 }] });

  await signIn(page, "seller@demo.test");
  await page.goto(`/seller/orders/${order.id}/fulfil`);
  const form = page.getByRole("form", { name: "Cancel units of SKU-MUG" });
  const from = form.getByLabel("Cancel from stage for SKU-MUG");
  await expect(from.locator("option")).toHaveText(["Least progressed first", "Open (2)", "Allocated (2)"]);

  // More units than the stage holds: the message names the stage and nothing changes.
  await form.getByLabel("Cancel quantity for SKU-MUG").fill("3");
  await from.selectOption({ label: "Allocated (2)" });
  await form.getByLabel("Cancel reason for SKU-MUG").selectOption({ label: "Damaged in warehouse" });
  await form.getByRole("button", { name: "Preview cancel of SKU-MUG" }).click();
  await expect(form.getByText(/only 2 allocated can be cancelled/).first()).toBeVisible();
  await expect(form.getByRole("button", { name: "Cancel SKU-MUG" })).toHaveCount(0);

  await form.getByLabel("Cancel quantity for SKU-MUG").fill("1");
  await form.getByLabel("Damaged (write off)").check();
  await form.getByRole("button", { name: "Preview cancel of SKU-MUG" }).click();
  const preview = form.getByRole("region", { name: "Cancellation preview for SKU-MUG" });
  await expect(preview).toContainText("1 allocated");
  await expect(preview).toContainText("$22.00");
  await expect(preview).toContainText("Stock: 1 allocated written off as damaged");
  await shot(page, "seller-cancel-preview");
  await fitsPhone(page, "seller-cancel-preview");

  // Changing the form after the preview hides the confirmation until it is previewed again.
  await form.getByLabel("Cancel quantity for SKU-MUG").fill("2");
  await expect(form.getByRole("button", { name: "Cancel SKU-MUG" })).toHaveCount(0);
  await form.getByLabel("Cancel quantity for SKU-MUG").fill("1");
  await form.getByRole("button", { name: "Preview cancel of SKU-MUG" }).click();
  await expect(preview).toContainText("1 allocated");
  await form.getByRole("button", { name: "Cancel SKU-MUG" }).click();
  await expect(form.getByText(/^CX-\d+: cancelled 1 × SKU-MUG, refund \$22\.00\.$/)).toBeVisible();

  // The unit came from the allocated stage (the open ones stay) and was written off, not restocked.
  const line = await db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
  expect({ open: line.qtyOpen, allocated: line.qtyAllocated, cancelled: line.qtyCancelled }).toEqual({ open: 2, allocated: 1, cancelled: 1 });
  const moves = await db.inventoryTransaction.findMany({ where: { orderLineId: lineId }, orderBy: { createdAt: "asc" } });
  expect(moves.map((m) => m.type)).toContain("WRITE_OFF");
});
