// What people working all day read: amounts in the history in the order's currency (entries written
// by earlier releases too), buyers' plain status words without codes, approver levels as people
// write them, a fallout case's context as facts, reconciliation on demand, and every main page of
// every role at phone width (390 px) without sideways scrolling. Orders are the spec's own.
import { expect, test, type Page } from "@playwright/test";
import type { Db } from "../lib/platform/db/client.ts";
import { loadActor } from "../lib/platform/auth/actor.ts";
import { recordFulfillmentEvent } from "../lib/modules/orders/server/record-fulfillment-event.ts";
import { fitsPhone, shot, signIn } from "./helpers";
import { openTestDb, takeInOrder } from "./own-order";

let db: Db;
test.beforeAll(() => void (db = openTestDb()));
test.afterAll(async () => await db?.$disconnect());

/** Two kettles (picked) and a mug (one of two shipped), paid by card: 192.24 + 30.00. */
async function orderInProgress() {
  const order = await takeInOrder(db, {
    externalRef: "e2e-work-surfaces",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [
      { sku: "SKU-KETTLE", itemName: "Copper kettle", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 8900, taxAmount: 1424, shipFromLocationCode: "DC-EAST" },
      { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 1500, shipFromLocationCode: "DC-EAST" },
    ],
    payments: [{ method: "CARD", amount: 22224 }],
  });
  const seller = (await loadActor(db, { email: "seller@demo.test" }, { via: "api", correlationId: "e2e-work-surfaces" }))!;
  const [kettle, mug] = order.lines;
  for (const type of ["ALLOCATE", "RELEASE", "PICK"] as const) await recordFulfillmentEvent(db, seller, order.id, { type, lines: [{ orderLineId: kettle!.id, quantity: 2 }] });
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(db, seller, order.id, { type, lines: [{ orderLineId: mug!.id, quantity: 1 }] });
  // Entries as earlier releases wrote them: amounts as raw minor units.
  await db.orderHistory.create({ data: { orderId: order.id, action: "CANCELLATION_EXECUTED", actorLabel: "buyer@demo.test", description: "Cancellation CX-E2E: 2 unit(s) cancelled, refund 19224 USD due" } });
  await db.orderHistory.create({ data: { orderId: order.id, action: "REFUND_PROCESSED", actorLabel: "system", description: "Refunded 4860 USD to the original payment", data: { refundedNow: 4860 } } });
  return order;
}

async function desktopAndPhone(page: Page, path: string, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shot(page, name);
  await fitsPhone(page, name);
}

test("history amounts read in the order's currency; the buyer reads plain status words", async ({ page }) => {
  const order = await orderInProgress();
  await signIn(page, "seller@demo.test");
  await page.goto(`/seller/orders/${order.id}`);
  const history = page.getByRole("listitem").filter({ hasText: "Cancellation CX-E2E" });
  await expect(history).toContainText("refund $192.24 due");
  await expect(page.getByText("Refunded $48.60 to the original payment")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/\d+ USD/);
  await shot(page, "seller-history-money");
  await fitsPhone(page, "seller-history-money");

  await page.context().clearCookies();
  await signIn(page, "buyer@demo.test");
  await page.goto(`/orders/${order.id}`);
  const kettle = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Copper kettle" }) });
  await expect(kettle.getByText("Preparing", { exact: true })).toBeVisible();
  const mug = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Mug" }) });
  await expect(mug.getByText("Partly shipped", { exact: true })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/· \d{4}\b|Picked/);
  await shot(page, "buyer-status-words");
  await fitsPhone(page, "buyer-status-words");

  // Buyers are offered buyer-facing reasons only.
  await page.goto(`/orders/${order.id}/cancel`);
  const reasons = await page.getByLabel("Reason").locator("option").allTextContents();
  expect(reasons.join("|")).not.toMatch(/fraud|out of stock|damaged in warehouse/i);
  await fitsPhone(page, "buyer-cancel");
});

test("every main page of each role fits a phone", async ({ page }) => {
  const order = await orderInProgress();
  await signIn(page, "buyer@demo.test");
  for (const [path, name] of [["/orders", "buyer-orders"], ["/points", "buyer-points"]] as const) await desktopAndPhone(page, path, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("columnheader", { name: "Points" })).toBeInViewport({ ratio: 1 });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.context().clearCookies();
  await signIn(page, "seller@demo.test");
  await page.goto("/seller/orders");
  await page.setViewportSize({ width: 390, height: 844 });
  // The total stays on screen at phone width.
  await expect(page.getByRole("columnheader", { name: "Total" })).toBeInViewport({ ratio: 1 });
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const [path, name] of [
    ["/seller/orders", "seller-orders"],
    [`/seller/orders/${order.id}/fulfil`, "seller-fulfil"],
    ["/seller/tasks", "seller-tasks"],
    ["/seller/returns", "seller-returns"],
  ] as const)
    await desktopAndPhone(page, path, name);

  await page.context().clearCookies();
  await signIn(page, "manager@demo.test");
  await desktopAndPhone(page, "/approvals", "approver-queue");

  await page.context().clearCookies();
  await signIn(page, "ops@demo.test");
  for (const [path, name] of [
    ["/ops/fallout", "ops-fallout"],
    ["/ops/reconciliation", "ops-reconciliation"],
    ["/ops/approval-rules", "ops-approval-rules"],
    ["/ops/amendment-matrix", "ops-amendment-matrix"],
  ] as const)
    await desktopAndPhone(page, path, name);
});

test("OPS reads levels, expiry, fallout context and runs reconciliation now", async ({ page }) => {
  const order = await orderInProgress();
  const number = `FO-E2E-${Date.now()}`;
  const fallout = await db.falloutCase.create({
    data: {
      number,
      causeKey: `e2e:${number}`,
      status: "ABANDONED",
      orderId: order.id,
      causeType: "CancellationRequest",
      causeId: "e2e",
      reason: "Refund declined 3 times",
      resolution: "Abandoned in a test",
      context: {
        task: { type: "ISSUE_REFUND", mode: "AUTOMATIC", status: "FAILED", amount: 4860, attempts: 3, lastError: "Card declined" },
        refunds: [{ tenderMethod: "CARD", amount: 4860, status: "FAILED", failureReason: "Card declined", attempts: 3 }],
        openedAt: new Date().toISOString(),
      },
    },
  });
  await signIn(page, "ops@demo.test");
  await page.goto(`/ops/fallout/${fallout.id}`);
  const context = page.getByRole("region", { name: "Context when opened" });
  await expect(context).toContainText("Issue refund");
  await expect(context).toContainText("$48.60");
  await expect(context).toContainText("Card · $48.60 · Failed · 3 attempts · Card declined");
  await expect(context.locator("pre")).toBeHidden();
  await shot(page, "ops-fallout-context");
  await fitsPhone(page, "ops-fallout-context");

  await page.goto("/ops/approval-rules");
  await expect(page.locator("main")).not.toContainText(/\bVp\b|\d+ h\b/);
  await expect(page.locator("main")).toContainText("VP");
  await shot(page, "ops-approval-rules-words");

  await page.goto("/ops/reconciliation");
  const before = await db.job.count({ where: { type: "reconciliation.run" } });
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText(/Reconciliation ran: /)).toBeVisible();
  expect(await db.job.count({ where: { type: "reconciliation.run", status: "DONE" } })).toBeGreaterThan(0);
  expect(await db.job.count({ where: { type: "reconciliation.run" } })).toBe(before + 1);
  await shot(page, "ops-reconciliation-run");
});
