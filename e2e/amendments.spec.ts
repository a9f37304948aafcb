// Changing an order after it was placed: buyer2 edits the delivery note of demo-2001 (not yet
// released), reviews what the change does, confirms it, and sees it applied; a second tab opened
// before the change is refused instead of overwriting it. OPS blocks delivery-note changes on the
// safety matrix page, the buyer's review says so, and OPS puts the default back.
// Line changes run on orders these tests take in for themselves (buyer2's, so the buyer journeys'
// order counts stay as they are): buyer2 adds a mug and pays the difference; the seller corrects
// a unit price, which waits for a manager, who approves it from the queue.
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../lib/platform/db/client.ts";
import { demoOrder, getJson, shot, signIn, type OrderView } from "./helpers";
import { openTestDb, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => void (db = openTestDb()));
test.afterAll(async () => await db?.$disconnect());

/** Two mugs from acme at 15.00 plus 1.50 tax each, paid by card: 33.00. */
const twoMugs = (externalRef: string) =>
  takeInOrder(db, {
    externalRef,
    buyerEmail: "buyer2@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 1500, taxAmount: 300, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 3300 }],
  });

async function openChangeOrder(page: Page, orderPath: string) {
  await page.goto(orderPath);
  await page.getByRole("link", { name: "Change order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change order" })).toBeVisible();
}

async function openAmendPage(page: Page) {
  const order = await demoOrder(page, "demo-2001", "buyer2@demo.test");
  await openChangeOrder(page, `/orders/${order.id}`);
  return order;
}

async function setNoteCell(page: Page, label: string) {
  await page.goto("/ops/amendment-matrix");
  await page.getByLabel("Delivery note — Before release").selectOption({ label });
  await page.getByRole("button", { name: "Save matrix" }).click();
  await expect(page.getByRole("status")).toContainText("Safety matrix saved");
}

test("a buyer changes the delivery note: review, confirm, applied; a stale tab changes nothing", async ({ page, browser }) => {
  await signIn(page, "buyer2@demo.test");
  const order = await openAmendPage(page);
  const stale = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await stale.goto(page.url());

  await page.getByLabel("Note for the carrier (optional)").fill("Ring twice, the bell is broken");
  await page.getByRole("button", { name: "Review change" }).click();
  const review = page.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Note for the carrier");
  await expect(review).toContainText("Changes at once.");
  await shot(page, "amend-review");
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page).toHaveURL(/\?amendment=AM-\d+$/);
  const number = new URL(page.url()).searchParams.get("amendment")!;
  const card = page.getByTestId(`amendment-${number}`);
  await expect(card).toContainText("Applied");
  await expect(card).toContainText("Ring twice, the bell is broken");
  await expect(page.getByRole("region", { name: "Delivery" })).toContainText("Ring twice, the bell is broken");
  await shot(page, "amend-applied");

  await stale.getByLabel("Note for the carrier (optional)").fill("Leave it with the neighbours");
  await stale.getByRole("button", { name: "Review change" }).click();
  await expect(stale.getByRole("form", { name: "Change order" }).getByRole("alert")).toContainText("changed since you opened this page");
  const after = await (await page.request.get(`/api/v1/orders/${order.id}`)).json();
  expect(after.deliveryNote).toBe("Ring twice, the bell is broken");
});

test("OPS blocks delivery-note changes on the safety matrix; the buyer's review says so; OPS restores the default", async ({ page, browser }) => {
  await signIn(page, "ops@demo.test");
  await setNoteCell(page, "Blocked");
  await expect(page.getByRole("region", { name: "Changes" })).toContainText("Delivery note, Before release: Allowed → Blocked");
  await shot(page, "amendment-matrix");

  const buyer = await (await browser.newContext()).newPage();
  await signIn(buyer, "buyer2@demo.test");
  await openAmendPage(buyer);
  await buyer.getByLabel("Note for the carrier (optional)").fill("Call before delivery");
  await buyer.getByRole("button", { name: "Review change" }).click();
  const review = buyer.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Can't be changed now");
  await expect(buyer.getByRole("button", { name: "Confirm change" })).toHaveCount(0);

  await setNoteCell(page, "Allowed");
  await buyer.getByRole("button", { name: "Review change" }).click();
  await expect(review).toContainText("Changes at once.");
});

test("a buyer adds a mug: the review shows the extra charge per line and tender; confirmed, the order has 3 mugs and the charge", async ({ page }) => {
  const order = await twoMugs("e2e-amend-increase");
  await signIn(page, "buyer2@demo.test");
  await openChangeOrder(page, `/orders/${order.id}`);
  const quantity = page.getByLabel("Quantity of line 1 (SKU-MUG)");
  await expect(quantity).toHaveValue("2");

  // What the form itself refuses: nothing is sent, the field says why.
  for (const [typed, message] of [
    ["0", "To remove this item entirely, cancel it from the order page instead."],
    ["2.5", "Enter a whole number of units, like 3."],
    ["", "Enter the number of units you want (leave the current number to keep it)."],
  ] as const) {
    await quantity.fill(typed);
    await page.getByRole("button", { name: "Review change" }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(quantity).toHaveAttribute("aria-invalid", "true");
  }

  await quantity.fill("3");
  await page.getByLabel("Reason").selectOption({ label: "Customer asked for a change" });
  await page.getByRole("button", { name: "Review change" }).click();
  const review = page.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Quantity of line 1 (SKU-MUG): 2 → 3");
  const money = review.getByRole("region", { name: "Money" });
  await expect(money.getByRole("row", { name: /Line 1 \(SKU-MUG\)/ })).toContainText("+1+$15.00+$1.50+$16.50");
  await expect(money).toContainText("Extra charge$16.50");
  await expect(money).toContainText("Charged to card$16.50");
  await expect(review).toContainText("Confirm to change the order now.");
  await shot(page, "amend-increase-review");

  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page).toHaveURL(/\?amendment=AM-\d+$/);
  const number = new URL(page.url()).searchParams.get("amendment")!;
  await expect(page.getByRole("status").filter({ hasText: `Change ${number}: Applied` })).toContainText("$16.50 was charged");
  const card = page.getByTestId(`amendment-${number}`);
  await expect(card).toContainText("Quantity of line 1 (SKU-MUG): 2 → 3");
  await expect(card).toContainText("Charged: $16.50");
  await expect(page.getByRole("region", { name: "Items" })).toContainText("SKU-MUG · 3 × $15.00");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("$49.50");
  await shot(page, "amend-increase-applied");

  const after = await getJson<OrderView & { totals: { total: number } }>(page, `/api/v1/orders/${order.id}`);
  expect(after.lines[0]!.quantities.open).toBe(3);
  expect(after.totals.total).toBe(4950);
});

test("a seller's unit-price correction waits for a manager, who approves it from the queue; the order shows the new price", async ({ page, browser }) => {
  const order = await twoMugs("e2e-amend-price");
  await signIn(page, "seller@demo.test");
  await openChangeOrder(page, `/seller/orders/${order.id}`);
  const sku = page.getByLabel("Item (SKU) of line 1 (SKU-MUG)");
  await expect(sku).toHaveValue("SKU-MUG");
  const price = page.getByLabel("Unit price of line 1 (SKU-MUG)");
  await expect(price).toHaveValue("15.00");

  // An item the catalogue does not know: the server's message lands on the SKU field.
  await sku.fill("SKU-NO-SUCH-ITEM");
  await page.getByRole("button", { name: "Review change" }).click();
  await expect(page.getByText("no item with SKU SKU-NO-SUCH-ITEM in the catalogue")).toBeVisible();
  await expect(sku).toHaveAttribute("aria-invalid", "true");
  await sku.fill("SKU-MUG");

  await price.fill("12.345");
  await page.getByRole("button", { name: "Review change" }).click();
  await expect(page.getByText("Enter an amount like 18.00 (at most two decimals).")).toBeVisible();

  await price.fill("12.00");
  await page.getByLabel("Reason").selectOption({ label: "Price correction" });
  await page.getByRole("button", { name: "Review change" }).click();
  const review = page.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Unit price of line 1 (SKU-MUG): $15.00 → $12.00");
  await expect(review).toContainText("Needs approval by a manager first.");
  await expect(review.getByRole("region", { name: "Money" }).getByRole("row", { name: /Line 1 \(SKU-MUG\)/ })).toContainText("-$6.00");
  await expect(review).toContainText("The order changes once a manager approves.");
  await shot(page, "amend-price-review");

  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page).toHaveURL(/\?amendment=AM-\d+$/);
  const number = new URL(page.url()).searchParams.get("amendment")!;
  await expect(page.getByRole("status").filter({ hasText: `Change ${number}: Waiting for approval` })).toContainText("once a manager approves");
  await expect(page.getByTestId(`amendment-${number}`)).toContainText("Unit price of line 1 (SKU-MUG): $15.00 → $12.00");

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, "manager@demo.test");
  await manager.goto("/approvals");
  const row = manager.getByRole("row").filter({ has: manager.getByRole("link", { name: number, exact: true }) });
  await expect(row).toContainText(order.number);
  await row.getByRole("link", { name: number, exact: true }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Amendment ${number}` })).toBeVisible();
  await expect(manager.getByRole("region", { name: "Changes" })).toContainText("$15.00 → $12.00");
  await expect(manager.getByRole("region", { name: "Money" })).toContainText("-$6.00");
  await shot(manager, "amend-price-approval");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager).toHaveURL(/\/approvals\?decided=/);
  await manager.context().close();

  await page.goto(`/seller/orders/${order.id}`);
  await expect(page.getByTestId(`amendment-${number}`)).toContainText("Applied");
  await expect(page.getByRole("region", { name: "Lines" })).toContainText("2 × $12.00");
  const after = await getJson<OrderView & { lines: { unitPrice: number }[] }>(page, `/api/v1/orders/${order.id}`);
  expect(after.lines[0]!.unitPrice).toBe(1200);
});
