// A cancellation that needs approval and a manual step, across three roles. Serial: the seller
// cancels 1 of demo-1003's 3 packed pans (MANAGER approval), a supervisor cannot sign it, the
// manager approves it from the queue, the seller confirms the return to stock on Tasks, and the
// buyer finally sees the request completed with the pan cancelled and refunded.
import { expect, test } from "@playwright/test";
import { demoOrder, shot, signIn, type OrderView } from "./helpers";

test.describe.serial("a packed pan cancelled by the seller and approved by a manager", () => {
  let order: OrderView;
  let number: string;

  test("the seller cancels 1 packed pan, which waits for MANAGER approval", async ({ page }) => {
    await signIn(page, "seller@demo.test");
    order = await demoOrder(page, "demo-1003");
    const pan = order.lines.find((l) => l.sku === "SKU-PAN")!;
    expect(pan.quantities.packed, "demo-1003 pans must be packed (fresh demo data)").toBeGreaterThan(0);

    await page.goto(`/seller/orders/${order.id}/fulfil`);
    const form = page.getByRole("form", { name: "Cancel units of SKU-PAN" });
    await expect(form.getByLabel("Cancel quantity for SKU-PAN")).toHaveValue("1");
    // No reason: the field says so and nothing happens; nothing can be confirmed before a preview.
    await expect(form.getByRole("button", { name: "Cancel SKU-PAN" })).toHaveCount(0);
    await form.getByRole("button", { name: "Preview cancel of SKU-PAN" }).click();
    await expect(form.getByText("Choose a reason", { exact: true })).toBeVisible();

    await form.getByLabel("Cancel reason for SKU-PAN").selectOption({ label: "Price error" });
    await form.getByRole("button", { name: "Preview cancel of SKU-PAN" }).click();
    const preview = form.getByRole("region", { name: "Cancellation preview for SKU-PAN" });
    await expect(preview).toContainText("1 packed");
    await expect(preview).toContainText(/manager/i);
    await form.getByRole("button", { name: "Cancel SKU-PAN" }).click();
    const outcome = form.getByText(/CX-\d+ needs MANAGER approval/);
    await expect(outcome).toBeVisible();
    number = (await outcome.textContent())!.match(/CX-\d+/)![0];
    await expect(page.getByText(`1 unit (1 packed) held by ${number} (waiting for approval)`)).toBeVisible();
    await shot(page, "seller-cancel-needs-approval");

    // The units are held: fulfilment cannot ship them meanwhile, and the order page lists the request.
    await page.goto(`/seller/orders/${order.id}`);
    const request = page.getByRole("listitem", { name: `Cancellation ${number}` });
    await expect(request).toContainText("Waiting for approval");
    await expect(request).toContainText("Waiting for approval by a manager.");
    await expect(request).toContainText("by seller@demo.test");
    await shot(page, "seller-order-pending-request");
  });

  test("a supervisor cannot sign it; the manager approves it from the queue", async ({ page, context }) => {
    await signIn(page, "supervisor@demo.test");
    await expect(page).toHaveURL(/\/approvals$/);
    await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    await expect(page.getByRole("link", { name: number })).toHaveCount(0);

    await context.clearCookies();
    await signIn(page, "manager@demo.test");
    await expect(page.getByRole("link", { name: "Approvals" })).toHaveAttribute("aria-current", "page");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number, exact: true }) });
    await expect(row).toContainText(order.number);
    await expect(row).toContainText("Manager");
    await expect(row).toContainText("seller@demo.test");
    await expect(row).toContainText("Price error");
    await expect(row).toContainText("$48.60");
    await shot(page, "approvals-queue");

    await row.getByRole("link", { name: number, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Cancellation ${number}` })).toBeVisible();
    const assessment = page.getByRole("region", { name: "Assessment" });
    await expect(assessment.getByRole("row", { name: /SKU-PAN/ })).toContainText("1 packed");
    await expect(assessment.getByTestId("refund-total")).toHaveText("$48.60");
    await expect(assessment).toContainText("Return to stock");
    await expect(page.getByRole("region", { name: "Money impact" })).toContainText("This refund$48.60");
    await shot(page, "approval-detail");

    // Rejecting needs a comment; then approve with one.
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByText("a comment is required to reject")).toBeVisible();
    await page.getByLabel("Approval comment").fill("Mispriced pans, fine to cancel.");
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page).toHaveURL(/\/approvals\?decided=/);
    await expect(page.getByRole("status").filter({ hasText: `Cancellation ${number} approved.` })).toBeVisible();
    await expect(page.getByRole("link", { name: number, exact: true })).toHaveCount(0);
    await shot(page, "approvals-after-approve");

    // A request that is not on that order is simply not found.
    const missing = await page.goto(`/approvals/${order.id}/no-such-request`);
    expect(missing?.status()).toBe(404);
  });

  test("the seller confirms the return to stock on Tasks", async ({ page }) => {
    await signIn(page, "seller@demo.test");
    await page.getByRole("link", { name: "Tasks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
    const task = page.getByRole("listitem", { name: `Return to stock SKU-PAN, order ${order.number}` });
    await expect(task).toContainText("1 unit · packed");
    await expect(task).toContainText(number);
    await expect(task.getByRole("link", { name: order.number })).toHaveAttribute("href", `/seller/orders/${order.id}`);
    await shot(page, "seller-tasks");

    const confirm = task.getByRole("form", { name: "Confirm Return to stock SKU-PAN" });
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByText("describe what was done")).toBeVisible();
    await page.getByLabel("Evidence for Return to stock SKU-PAN").fill("Back on shelf A-12");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Return to stock of 1 × SKU-PAN" })).toContainText(`order ${order.number} confirmed`);
    await expect(task).toHaveCount(0);
    await shot(page, "seller-tasks-done");

    await page.goto(`/seller/orders/${order.id}`);
    const request = page.getByRole("listitem", { name: `Cancellation ${number}` });
    await expect(request).toContainText("Completed");
    const tasks = request.getByRole("list", { name: `Follow-up tasks of ${number}` });
    await expect(tasks.getByRole("listitem").filter({ hasText: "Return to stock" })).toContainText("Done");
    await expect(tasks.getByRole("listitem").filter({ hasText: "Issue refund" })).toContainText("Done");
  });

  test("the buyer sees the request completed and the pan cancelled and refunded", async ({ page }) => {
    await signIn(page, "buyer@demo.test");
    await page.goto(`/orders/${order.id}`);
    const request = page.getByRole("listitem", { name: `Cancellation ${number}` });
    await expect(request).toContainText("Completed");
    await expect(request).toContainText("Refund $48.60");
    await expect(request).toContainText("$48.60 refunded");
    await expect(request.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
    const pan = page.getByRole("region", { name: "Items" }).getByRole("listitem").filter({ hasText: "SKU-PAN" });
    await expect(pan).toContainText("1 cancelled");
    await expect(pan).toContainText("$48.60 refunded");
    await expect(page.getByRole("region", { name: "Payment" })).toContainText("$48.60 refunded");
    await shot(page, "buyer-sees-approved-cancellation");
  });
});

test("a seller cancels an open unit for lack of stock, which needs no approval", async ({ page }) => {
  await signIn(page, "seller2@demo.test"); // Globex: the lamps of buyer2's demo-2001 (15.00 + 1.20 tax each)
  const order = await demoOrder(page, "demo-2001", "buyer2@demo.test");
  const lamp = order.lines.find((l) => l.sku === "SKU-LAMP")!;
  expect(lamp.quantities.open).toBeGreaterThan(0);
  await page.goto(`/seller/orders/${order.id}/fulfil`);
  const form = page.getByRole("form", { name: "Cancel units of SKU-LAMP" });
  await form.getByLabel("Cancel reason for SKU-LAMP").selectOption({ label: "Out of stock" });
  await form.getByRole("button", { name: "Preview cancel of SKU-LAMP" }).click();
  await expect(form.getByRole("region", { name: "Cancellation preview for SKU-LAMP" })).toContainText("$16.20");
  await form.getByRole("button", { name: "Cancel SKU-LAMP" }).click();
  await expect(form.getByText(/^CX-\d+: cancelled 1 × SKU-LAMP, refund \$16\.20\.$/)).toBeVisible();
  await shot(page, "seller-cancel-at-once");

  const after = await demoOrder(page, "demo-2001", "buyer2@demo.test");
  expect(after.lines.find((l) => l.sku === "SKU-LAMP")!.quantities.cancelled).toBe(lamp.quantities.cancelled + 1);
  await page.goto(`/seller/orders/${order.id}`);
  const request = page.getByRole("list", { name: "Cancellation requests" }).getByRole("listitem").filter({ hasText: "Out of stock" }).first();
  await expect(request).toContainText("Completed");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Units cancelled");
});
