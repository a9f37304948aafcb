// Buyer cancellation journeys: choose units, preview the refund, confirm, see the result on the
// order page. Orders are chosen so the other specs keep their data: demo-1002's tents (the seller
// spec uses its kettle; the order is worth more than 500.00, so a manager signs the buyer's
// request), demo-1003's packed pans (never fulfilled further by another spec) and buyer2's lamps
// (demo-2001).
import { expect, test } from "@playwright/test";
import { demoOrder, shot, signIn } from "./helpers";

test("a buyer cancels one of two tents of a 633.96 order, previews the refund, a manager approves and the buyer sees it on the order", async ({ page, browser }) => {
  // Two people in two browser contexts, one after the other: longer than one page journey.
  test.setTimeout(120_000);
  await signIn(page, "buyer@demo.test");
  // demo-1002: 1 kettle + 2 tents at 249.00 (tax 39.84, shipping 15.00, discount 20.00), paid 500.00 by card + 133.96 by gift card.
  const order = await demoOrder(page, "demo-1002");
  const tent = order.lines.find((l) => l.sku === "SKU-TENT")!;
  expect(tent.quantities.open, "demo-1002 must be untouched (fresh demo data)").toBe(2);

  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "Cancel items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cancel items" })).toBeVisible();

  // Nothing chosen: the form says what is missing, next to the fields.
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(page.getByText("Enter how many units to cancel for at least one item, or cancel the whole order.")).toBeVisible();
  await expect(page.getByText("Choose a reason", { exact: true })).toBeVisible();
  await shot(page, "buyer-cancel-errors");

  // More than is left: the command's own explanation lands at the line.
  await page.getByLabel("Cancel quantity for SKU-TENT").fill("3");
  await page.getByLabel("Reason").selectOption({ label: "Customer changed their mind" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(page.getByText("Cannot cancel 3 unit(s) of line 2: only 2 can be cancelled")).toBeVisible();

  await page.getByLabel("Cancel quantity for SKU-TENT").fill("1");
  await page.getByRole("button", { name: "Preview refund" }).click();
  const preview = page.getByRole("region", { name: "Refund preview" });
  await expect(preview).toBeVisible();
  // 1 × 249.00 + 19.92 tax + 7.50 shipping − 10.00 discount = 266.42, split by how the order was paid.
  await expect(preview.getByTestId("refund-total")).toHaveText("$266.42");
  const row = preview.getByRole("row", { name: /SKU-TENT/ });
  await expect(row).toContainText("1 open");
  await expect(row).toContainText("$249.00");
  await expect(row).toContainText("$19.92");
  await expect(row).toContainText("$7.50");
  await expect(row).toContainText("−$10.00");
  await expect(preview).toContainText("Card$210.12");
  await expect(preview).toContainText("Gift card$56.30");
  // The order is worth 633.96 (≥ 500.00): even the buyer's own request for open units needs a manager.
  await expect(preview).toContainText("A manager must approve this cancellation");
  await shot(page, "buyer-cancel-preview");

  // Changing the form hides the confirmation until the preview runs again.
  await page.getByLabel("Cancel quantity for SKU-TENT").fill("2");
  await expect(page.getByRole("button", { name: "Confirm cancellation" })).toHaveCount(0);
  await expect(page.getByText("You changed the form: preview again before confirming.")).toBeVisible();
  await page.getByLabel("Cancel quantity for SKU-TENT").fill("1");
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(preview.getByTestId("refund-total")).toHaveText("$266.42");

  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}\\?cancellation=CX-\\d+$`));
  const number = new URL(page.url()).searchParams.get("cancellation")!;
  await expect(page.getByRole("status").filter({ hasText: `Cancellation ${number} requested` })).toContainText("It needs approval");
  const pending = page.getByRole("listitem", { name: `Cancellation ${number}` });
  await expect(pending).toContainText("Waiting for approval");
  await expect(pending).toContainText("Waiting for approval by a manager.");
  await shot(page, "buyer-cancel-waiting");
  // Nothing is cancelled or refunded before the sign-off.
  const waiting = await demoOrder(page, "demo-1002");
  expect(waiting.lines.find((l) => l.sku === "SKU-TENT")!.quantities).toMatchObject({ open: 2, cancelled: 0 });
  expect(waiting.totals.refunded).toBe(0);

  // The manager approves it from the queue.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@demo.test");
  await expect(manager).toHaveURL(/\/approvals$/);
  const queued = manager.getByRole("row").filter({ has: manager.getByRole("link", { name: number, exact: true }) });
  await expect(queued).toContainText("Manager");
  await expect(queued).toContainText("buyer@demo.test");
  await expect(queued).toContainText("$266.42");
  await queued.getByRole("link", { name: number, exact: true }).click();
  await expect(manager.getByRole("region", { name: "Approvals and the rules that asked for them" })).toContainText("rule “High-value orders”");
  await manager.getByLabel("Approval comment").fill("Fine.");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByRole("status").filter({ hasText: `Cancellation ${number} approved.` })).toBeVisible();
  await managerContext.close();

  await page.goto(`/orders/${order.id}`);
  const items = page.getByRole("region", { name: "Items" });
  const tentItem = items.getByRole("listitem").filter({ hasText: "SKU-TENT" });
  await expect(tentItem).toContainText("1 cancelled");
  await expect(tentItem).toContainText("$266.42 refunded");
  await expect(tentItem.getByRole("list", { name: "Quantities" })).toContainText("Cancelled1");
  const payment = page.getByRole("region", { name: "Payment" });
  await expect(payment).toContainText("$210.12 refunded");
  await expect(payment).toContainText("$56.30 refunded");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("Refunded$266.42");

  const request = page.getByRole("listitem", { name: `Cancellation ${number}` });
  await expect(request).toContainText("Completed");
  await expect(request).toContainText("Refund $266.42");
  await expect(request).toContainText("$266.42 refunded");
  await expect(request).toContainText("1 cancelled");
  await expect(request.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await shot(page, "buyer-cancel-done");

  // The API agrees with the page.
  const after = await demoOrder(page, "demo-1002");
  expect(after.lines.find((l) => l.sku === "SKU-TENT")!.quantities).toMatchObject({ open: 1, cancelled: 1 });
  expect(after.totals.refunded).toBe(26642);
});

test("a buyer's request for a packed pan waits for approval, and the buyer withdraws it", async ({ page }) => {
  await signIn(page, "buyer@demo.test");
  const order = await demoOrder(page, "demo-1003"); // pans are packed
  await page.goto(`/orders/${order.id}/cancel`);
  await page.getByLabel("Cancel quantity for SKU-PAN").fill("1");
  await page.getByLabel("Reason").selectOption({ label: "Delivery would be too late" });
  await page.getByLabel("Anything else we should know?").fill("Needed it for the weekend.");
  await page.getByRole("button", { name: "Preview refund" }).click();
  const preview = page.getByRole("region", { name: "Refund preview" });
  await expect(preview.getByTestId("refund-total")).toHaveText("$48.60");
  await expect(preview.getByRole("row", { name: /SKU-PAN/ })).toContainText("1 packed");
  await expect(preview).toContainText("A manager must approve this cancellation");
  await shot(page, "buyer-cancel-needs-approval");

  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page).toHaveURL(/\?cancellation=CX-\d+$/);
  const number = new URL(page.url()).searchParams.get("cancellation")!;
  await expect(page.getByRole("status").filter({ hasText: `Cancellation ${number} requested` })).toContainText("It needs approval");
  const request = page.getByRole("listitem", { name: `Cancellation ${number}` });
  await expect(request).toContainText("Waiting for approval");
  await expect(request).toContainText("Waiting for approval by a manager.");
  await expect(request).toContainText("Needed it for the weekend.");

  await request.getByRole("button", { name: "Withdraw" }).click();
  await expect(request.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(request.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await shot(page, "buyer-cancel-withdrawn");
  // Nothing was cancelled.
  const pan = (await demoOrder(page, "demo-1003")).lines.find((l) => l.sku === "SKU-PAN")!;
  expect(pan.quantities.cancelled).toBe(order.lines.find((l) => l.sku === "SKU-PAN")!.quantities.cancelled);
});

test("a stale cancel page is told to reload instead of cancelling", async ({ page, context }) => {
  await signIn(page, "buyer2@demo.test");
  const order = await demoOrder(page, "demo-2001", "buyer2@demo.test"); // 10 lamps at 15.00 + 12.00 tax
  const before = order.lines[0]!.quantities.cancelled;
  await page.goto(`/orders/${order.id}/cancel`);
  await page.getByLabel("Cancel quantity for SKU-LAMP").fill("1");
  await page.getByLabel("Reason").selectOption({ label: "Duplicate order" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  await expect(page.getByRole("region", { name: "Refund preview" }).getByTestId("refund-total")).toHaveText("$16.20");

  // Meanwhile the order changes in another tab.
  const other = await context.newPage();
  await other.goto(`/orders/${order.id}/cancel`);
  await other.getByLabel("Cancel quantity for SKU-LAMP").fill("1");
  await other.getByLabel("Reason").selectOption({ label: "Duplicate order" });
  await other.getByRole("button", { name: "Preview refund" }).click();
  await other.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(other).toHaveURL(/\?cancellation=CX-\d+$/);
  await other.close();

  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This order changed after you opened this page" });
  await expect(alert).toBeVisible();
  await shot(page, "buyer-cancel-stale");
  await alert.getByRole("button", { name: "Reload page" }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Refund preview" })).toHaveCount(0);
  // Only the other tab's unit was cancelled.
  const now = (await demoOrder(page, "demo-2001", "buyer2@demo.test")).lines[0]!;
  expect(now.quantities.cancelled).toBe(before + 1);

  // After the reload the form works again; "whole order" takes every lamp still open.
  await page.getByLabel("Cancel the whole order").check();
  await expect(page.getByLabel("Cancel quantity for SKU-LAMP")).toBeDisabled();
  await page.getByRole("button", { name: "Preview refund" }).click();
  const preview = page.getByRole("region", { name: "Refund preview" });
  const open = now.quantities.open;
  await expect(preview.getByRole("row", { name: /SKU-LAMP/ })).toContainText(`${open} open`);
  await expect(preview.getByTestId("refund-total")).toHaveText(`$${(open * 16.2).toFixed(2)}`);
});
