// Webhooks journey: OPS registers an endpoint (a receiver this spec runs on 127.0.0.1; the test
// app allows private targets), sees its secret once, watches a cancellation's event arrive in the
// delivery log and resends it. The receiver verifies every delivery's signature.
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import type { Db } from "../lib/platform/db/client.ts";
import { loadActor } from "../lib/platform/auth/actor.ts";
import { CreateCancellationRequest } from "../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../lib/modules/cancellations/server/create-cancellation-request.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../tests/support/webhook-receiver.ts";
import { shot, signIn } from "./helpers";
import { openTestDb, takeInOrder } from "./own-order";

let db: Db;
let rx: WebhookReceiver;
test.beforeAll(async () => {
  db = openTestDb();
  rx = await startWebhookReceiver();
});
test.afterAll(async () => {
  await rx?.close();
  await db?.$disconnect();
});

/** At phone width (390px) the page scrolls only downwards. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("OPS registers a webhook, sees the secret once, sees a cancellation delivered and resends it", async ({ page }) => {
  const url = rx.url(`/e2e-${Date.now()}`);
  const path = new URL(url).pathname;
  await signIn(page, "ops@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  const form = page.getByRole("form", { name: "Register a webhook" });

  // Bad input: field messages, nothing registered.
  await form.getByLabel("Endpoint URL").fill("ftp://example.com/hook");
  await form.getByRole("button", { name: "Register webhook" }).click();
  await expect(form.getByText("choose at least one event type, or *")).toBeVisible();
  await form.getByLabel("OrderCancellationRequested").check();
  await form.getByRole("button", { name: "Register webhook" }).click();
  await expect(form.getByText(/Only http and https URLs/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Webhook endpoints" }).getByText("ftp://example.com/hook")).toHaveCount(0);

  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByLabel("Description").fill("e2e receiver");
  await form.getByRole("button", { name: "Register webhook" }).click();
  const secret = (await form.getByTestId("webhook-secret").textContent())!;
  expect(secret).toMatch(/^whsec_/);
  await shot(page, "webhooks-registered");
  await fitsPhone(page, "webhooks");
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await page.getByRole("list", { name: "Webhook endpoints" }).getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();

  const buyer = (await loadActor(db, { email: "buyer@demo.test" }, { via: "web", correlationId: "e2e-webhooks" }))!;
  const order = await takeInOrder(db, {
    externalRef: `e2e-webhooks-${Date.now()}`,
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 1500, taxAmount: 300, shipFromLocationCode: "DC-EAST" }],
    payments: [{ method: "CARD", amount: 3300 }],
  });
  await createCancellationRequest(
    db,
    buyer,
    order.id,
    CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] } }),
  );
  await expect.poll(() => rx.at(path).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const got = rx.at(path)[0]!;
  expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({ type: "OrderCancellationRequested", orderId: order.id });

  const delivery = page.getByTestId("webhook-delivery").filter({ hasText: "OrderCancellationRequested" });
  await expect(async () => {
    await page.reload();
    await expect(delivery.first()).toContainText("Delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery.first()).toContainText("1 attempt");
  await delivery.first().getByText("Attempts").click();
  await expect(delivery.first()).toContainText("HTTP 204");
  await shot(page, "webhook-deliveries");
  await fitsPhone(page, "webhook detail");

  await delivery.first().getByRole("button", { name: "Resend" }).click();
  await expect(delivery.first().getByRole("status")).toHaveText("Queued to be sent again.");
  await expect.poll(() => rx.at(path).length, { timeout: 30_000 }).toBe(2);
  expect(rx.at(path)[1]!.headers["webhook-id"]).toBe(got.headers["webhook-id"]);
  await expect(async () => {
    await page.reload();
    await expect(delivery.first()).toContainText("2 attempts", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // Filters: nothing failed; the delivered one is listed under Delivered.
  await page.getByLabel("Status").selectOption("FAILED");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No deliveries")).toBeVisible();
  await page.getByLabel("Status").selectOption("DELIVERED");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(delivery).toHaveCount(1);
});
