// Approval rules are data OPS changes on a page, and the change takes effect at once. OPS tightens
// the "Bulk cancellations" rule (2 units instead of 10); buyer2's request for 2 lamps of demo-2002
// (an order no other spec uses) now needs a sign-off and shows up in the manager's open queue
// without a reload; the manager approves; buyer2 sees the refund. Finally OPS puts the rule back,
// so the specs that run later see the defaults (which have no auto-approval conditions).
import { expect, test, type Page } from "@playwright/test";
import { demoOrder, shot, signIn } from "./helpers";

async function editBulkRule(page: Page, minUnits: string, autoApprove: boolean) {
  await page.goto("/ops/approval-rules");
  await page.getByRole("row", { name: "Bulk cancellations" }).getByRole("link", { name: "Bulk cancellations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit “Bulk cancellations”" })).toBeVisible();
  const form = page.getByRole("form", { name: "Edit approval rule" });
  await form.getByLabel("Minimum units in the request").fill(minUnits);
  await form.getByLabel("Customer request").setChecked(autoApprove);
  await form.getByLabel("All units are still open").setChecked(autoApprove);
  await form.getByRole("button", { name: "Save rule" }).click();
}

test("OPS changes a rule's threshold; the buyer's request now waits in the manager's live queue; the manager approves", async ({ page, browser }) => {
  // Three people in three browser contexts, one after the other: longer than one page journey.
  test.setTimeout(180_000);
  // OPS: a wrong threshold is refused at the field and nothing is saved.
  await signIn(page, "ops@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approval rules" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approval rules" })).toBeVisible();
  const bulk = page.getByRole("row", { name: "Bulk cancellations" });
  await expect(bulk).toContainText("10 or more units");
  await expect(bulk).not.toContainText("Customer request");
  await expect(page.getByRole("row", { name: "High-value orders" })).toContainText("Order value ≥ $500.00");
  await shot(page, "ops-approval-rules");

  await editBulkRule(page, "-3", false);
  const form = page.getByRole("form", { name: "Edit approval rule" });
  await expect(form.getByText("must be at least 1")).toBeVisible();
  await expect(form.getByLabel("Minimum units in the request")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await shot(page, "ops-approval-rule-error");
  await page.goto("/ops/approval-rules");
  await expect(page.getByRole("row", { name: "Bulk cancellations" })).toContainText("10 or more units");

  await editBulkRule(page, "2", false);
  await expect(page).toHaveURL(/\/ops\/approval-rules\?saved=/);
  await expect(page.getByRole("status")).toContainText("Rule “Bulk cancellations” saved.");
  await expect(page.getByRole("row", { name: "Bulk cancellations" })).toContainText("2 or more units");
  const changes = page.getByRole("list", { name: "Rule changes" });
  await expect(changes.getByRole("listitem").first()).toContainText("Updated Bulk cancellations by ops@demo.test");
  await expect(changes.getByRole("listitem").first()).toContainText("criteria");

  // The manager opens the queue and leaves it open.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@demo.test");
  await expect(manager).toHaveURL(/\/approvals$/);
  await expect(manager.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(manager.getByText("New requests appear within 5 seconds.")).toBeVisible();

  // buyer2 asks to cancel 2 lamps: the preview already says a supervisor must approve.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await signIn(buyer, "buyer2@demo.test");
  const order = await demoOrder(buyer, "demo-2002", "buyer2@demo.test");
  expect(order.lines[0]!.quantities.open, "demo-2002 must be untouched (fresh demo data)").toBe(3);
  await buyer.goto(`/orders/${order.id}/cancel`);
  await buyer.getByLabel("Cancel quantity for SKU-LAMP").fill("2");
  await buyer.getByLabel("Reason").selectOption({ label: "Customer changed their mind" });
  await buyer.getByRole("button", { name: "Preview refund" }).click();
  const preview = buyer.getByRole("region", { name: "Refund preview" });
  await expect(preview.getByTestId("refund-total")).toHaveText("$32.40");
  await expect(preview).toContainText("must approve this cancellation");
  await buyer.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(buyer).toHaveURL(/\?cancellation=CX-\d+$/);
  const number = new URL(buyer.url()).searchParams.get("cancellation")!;
  await expect(buyer.getByRole("listitem", { name: `Cancellation ${number}` })).toContainText("Waiting for approval");

  // Without a reload, the request appears in the manager's queue.
  const row = manager.getByRole("row").filter({ has: manager.getByRole("link", { name: number, exact: true }) });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("Supervisor");
  await expect(row).toContainText("buyer2@demo.test");
  await expect(row).toContainText("$32.40");
  await shot(manager, "approvals-queue-live");

  // The request page says which rule asked; the manager approves with a comment.
  await row.getByRole("link", { name: number, exact: true }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Cancellation ${number}` })).toBeVisible();
  const tasks = manager.getByRole("region", { name: "Approvals and the rules that asked for them" });
  await expect(tasks).toContainText("rule “Bulk cancellations”");
  await expect(manager.getByRole("region", { name: "History" })).toContainText("requested");
  await manager.getByLabel("Approval comment").fill("Two lamps, fine.");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager).toHaveURL(/\/approvals\?decided=/);
  await expect(manager.getByRole("status").filter({ hasText: `Cancellation ${number} approved.` })).toBeVisible();
  // The queue the manager lands on no longer offers the decided request.
  await expect(manager.getByRole("link", { name: number, exact: true })).toHaveCount(0);
  await shot(manager, "approvals-after-rule-approve");

  // buyer2 sees the refund.
  await buyer.goto(`/orders/${order.id}`);
  const request = buyer.getByRole("listitem", { name: `Cancellation ${number}` });
  await expect(request).toContainText("Completed");
  await expect(request).toContainText("$32.40 refunded");
  await shot(buyer, "buyer-sees-rule-approved-refund");
  await managerContext.close();
  await buyerContext.close();

  // OPS restores the default for the specs that follow.
  await editBulkRule(page, "10", false);
  await expect(page.getByRole("row", { name: "Bulk cancellations" })).toContainText("10 or more units");
  await expect(page.getByRole("row", { name: "Bulk cancellations" })).not.toContainText("Customer request");
});
