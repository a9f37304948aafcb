// Fallout journey: a refund the payment processor declines three times falls out to OPS; once the
// processor is healthy again OPS retries it from the case page, and the buyer sees the refund.
// The spec takes in its own order (nothing else uses it) and drives the gateway's failure drill
// and the job runner's clock directly against the demo database of the server under test.
import { expect, test } from "@playwright/test";
import type { Db } from "../lib/platform/db/client.ts";
import { loadActor } from "../lib/platform/auth/actor.ts";
import { CreateCancellationRequest } from "../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../lib/modules/cancellations/server/create-cancellation-request.ts";
import { failNextRefunds } from "../lib/modules/payments/server/built-in-gateway.ts";
import { drainJobs } from "../lib/platform/jobs/runner.ts";
import { JOB_HANDLERS } from "../lib/wiring.ts";
import { shot, signIn } from "./helpers";
import { openTestDb, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => {
  db = openTestDb();
});
test.afterAll(async () => {
  await db?.$disconnect();
});

test("OPS sees a declined refund as a fallout case, retries it once the gateway is healthy, and the buyer sees the refund", async ({ page, browser }) => {
  const buyer = (await loadActor(db, { email: "buyer@demo.test" }, { via: "web", correlationId: "e2e-fallout" }))!;
  const order = await takeInOrder(db, {
    externalRef: "e2e-fallout",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 1500, taxAmount: 300, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 3300 }],
  });
  await failNextRefunds(db, order.id, "DECLINE", 3);
  const request = await createCancellationRequest(
    db,
    buyer,
    order.id,
    CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] } }),
  );
  expect(request.status).toBe("FAILED");
  // The runner's two retries, as if their backoff had passed (the app's own runner may race: leases keep it to one run each).
  const task = request.compensationTasks.find((t) => t.type === "ISSUE_REFUND")!;
  for (const ahead of [60_000, 3_600_000]) {
    await drainJobs(db, { handlers: JOB_HANDLERS, keys: [`compensation:${task.id}`], owner: "e2e", now: () => new Date(Date.now() + ahead) });
  }
  await expect.poll(async () => (await db.falloutCase.findFirst({ where: { compensationTaskId: task.id } }))?.status).toBe("OPEN");

  await signIn(page, "ops@demo.test");
  // The order page points OPS at the case …
  await page.goto(`/seller/orders/${order.id}`);
  await expect(page.getByRole("status").filter({ hasText: "1 fallout case to work on this order" })).toContainText("failed after 3 attempt(s)");
  // … and so does the queue.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fallout" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fallout" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(order.number) });
  await expect(row).toContainText("Issue refund");
  await expect(row).toContainText("failed after 3 attempt(s)");
  await shot(page, "fallout-queue");
  await row.getByRole("link", { name: /^FC-/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Fallout case FC-/ })).toBeVisible();
  await expect(page.getByText("Open", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Attempts" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("refund declined by the payment processor").first()).toBeVisible();

  // Resolving needs evidence: nothing changes without it.
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("describe what was done to repair it (evidence is required)")).toBeVisible();
  await shot(page, "fallout-case");

  // The gateway's three declines are used up: it is healthy again.
  await page.getByRole("button", { name: "Retry now" }).click();
  // The retry ran at once and worked: the page now shows the case resolved.
  await expect(page.getByTestId("case-outcome")).toContainText("refund paid after 4 attempt(s)");
  await expect(page.getByText("Resolved", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Attempts" }).getByRole("listitem")).toHaveCount(4);
  await shot(page, "fallout-case-resolved");

  const buyerPage = await (await browser.newContext()).newPage();
  await signIn(buyerPage, "buyer@demo.test");
  await buyerPage.goto(`/orders/${order.id}`);
  await expect(buyerPage.getByText("$16.50 refunded").first()).toBeVisible();
  await shot(buyerPage, "buyer-sees-refund");
  await buyerPage.context().close();
});

test("OPS sees reconciliation with a link per finding, and healthy demo data reconciles", async ({ page }) => {
  await signIn(page, "ops@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reconciliation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reconciliation" })).toBeVisible();
  await expect(page.getByText("Everything reconciles")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Refunded > paid, or refunded totals disagree" })).toBeVisible();
});
