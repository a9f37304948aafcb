// Returns: the buyer sends back shipped units after previewing the refund, the store receives one
// restocked and one damaged, and the buyer sees the refund paid and the RETURN order related.
// The order is the spec's own (e2e/own-order.ts), so no other spec's data is touched.
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../lib/platform/db/client";
import { shot, signIn } from "./helpers";
import { openTestDb, shipUnits, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => void (db = openTestDb()));
test.afterAll(async () => await db?.$disconnect());

async function receive(page: Page, condition: "Restock" | "Damaged (write off)") {
  const form = page.getByRole("form", { name: "Receive SKU-MUG" });
  await form.getByLabel("Quantity received").fill("1");
  await form.getByLabel("Condition").selectOption({ label: condition });
  await form.getByRole("button", { name: "Receive" }).click();
}

test("a buyer returns 2 shipped mugs, the store receives one restocked and one damaged, the buyer sees the refund and the RETURN order", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Three mugs at 15.00 + 1.50 tax each, paid by card: 49.50; two of them shipped.
  const order = await takeInOrder(db, {
    externalRef: "e2e-return",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1500, taxAmount: 450, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 4950 }],
  });
  await shipUnits(db, order.id, order.lines[0]!.id, 2);

  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "Return items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Return items" })).toBeVisible();

  // More than shipped: the command's explanation lands at the line.
  await page.getByLabel("Return quantity for SKU-MUG").fill("3");
  await page.getByLabel("Reason").selectOption({ label: "Wrong item received" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(page.getByText("line 1 has 2 shipped unit(s) that can be returned, not 3")).toBeVisible();

  await page.getByLabel("Return quantity for SKU-MUG").fill("2");
  await page.getByRole("button", { name: "Preview refund" }).click();
  const preview = page.getByRole("region", { name: "Refund preview" });
  // 2 × 15.00 + 2/3 of 4.50 tax = 33.00, all back to the card.
  await expect(preview.getByRole("row", { name: /Mug/ })).toContainText("$33.00");
  await expect(preview.getByRole("list", { name: "Refund by payment" })).toContainText("Card$33.00");
  await shot(page, "buyer-return-preview");
  await page.getByRole("button", { name: "Confirm return" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}\\?return=RT-`));
  const number = new URL(page.url()).searchParams.get("return")!;
  await expect(page.getByRole("status").filter({ hasText: `Return ${number} requested` })).toBeVisible();
  const requested = page.getByRole("article", { name: `Return ${number}` });
  // Shipped units: a director signs first (the default approval rules), from the approvals queue.
  await expect(requested).toContainText("Waiting for approval");
  await expect(requested).toContainText("0 of 2 received");
  const director = await (await browser.newContext()).newPage();
  await signIn(director, "director@demo.test");
  await director.goto("/approvals");
  await director.getByRole("link", { name: number, exact: true }).click();
  await expect(director.getByRole("heading", { level: 1, name: `Return ${number}` })).toBeVisible();
  await expect(director.getByRole("region", { name: "Units coming back" })).toContainText("$33.00");
  await shot(director, "director-return-approval");
  await director.getByRole("button", { name: "Approve" }).click();
  await expect(director).toHaveURL(/\/approvals\?decided=/);
  await director.context().close();
  await page.reload();
  await expect(page.getByRole("article", { name: `Return ${number}` })).toContainText("Waiting for the items");

  // The store receives them: one back to stock, one written off.
  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  await signIn(seller, "seller@demo.test");
  await seller.getByRole("link", { name: "Returns", exact: true }).click();
  await shot(seller, "seller-returns-queue");
  await seller.getByRole("link", { name: `Return ${number}` }).click();
  await expect(seller.getByRole("heading", { level: 1, name: `Return ${number}` })).toBeVisible();
  await seller.setViewportSize({ width: 390, height: 844 });
  await shot(seller, "seller-return-phone");
  await receive(seller, "Restock");
  await expect(seller.getByRole("article", { name: `Return ${number}` })).toContainText("1 of 2 received (1 restocked, 0 damaged)");
  await receive(seller, "Damaged (write off)");
  const received = seller.getByRole("article", { name: `Return ${number}` });
  await expect(received).toContainText("2 of 2 received (1 restocked, 1 damaged)");
  await expect(seller.getByRole("form", { name: "Receive SKU-MUG" })).toHaveCount(0);
  await shot(seller, "seller-return-received");
  await seller.goto(`/seller/orders/${order.id}`);
  await expect(seller.getByRole("list", { name: "Related orders" })).toContainText(`Returns ${order.number}`);
  await shot(seller, "seller-order-phone");
  await sellerContext.close();

  const stored = await db.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } });
  expect([stored.qtyShipped, stored.qtyReturned]).toEqual([0, 2]);

  // The buyer sees the refund paid and the RETURN order among the related orders.
  await expect(async () => {
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByRole("article", { name: `Return ${number}` }).getByTestId("return-refunded")).toHaveText("$33.00", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("article", { name: `Return ${number}` })).toContainText("Completed");
  const related = page.getByRole("list", { name: "Related orders" });
  const returnOrder = await db.returnOrder.findUniqueOrThrow({ where: { number }, select: { orderId: true } });
  const returnNumber = (await db.order.findUniqueOrThrow({ where: { id: returnOrder.orderId } })).number;
  await expect(related).toContainText("Return");
  await expect(related).toContainText(`Returns ${order.number}`);
  await shot(page, "buyer-return-completed");
  await related.getByRole("link", { name: returnNumber }).click();
  await expect(page.getByRole("region", { name: "This return" })).toContainText("2 of 2 received");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "buyer-return-order-phone");
});
