// Seller work in fewer steps: several lines moved on to a later stage in one submit (every stage in
// between still in the history), on desktop and at phone width. Uses an order of its own.
import { expect, test, type Page } from "@playwright/test";
import { openTestDb, takeInOrder } from "./own-order";
import { shot, signIn } from "./helpers";

const db = openTestDb();

const newOrder = () =>
  takeInOrder(db, {
    externalRef: "e2e-seller-work",
    buyerEmail: "buyer@demo.test",
    currency: "USD",
    lines: [
      { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1500, taxAmount: 450, shipFromLocationCode: "DC-EAST" },
      { sku: "SKU-PAN", itemName: "Pan", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 3000, taxAmount: 600, shipFromLocationCode: "DC-EAST" },
    ],
    payments: [{ method: "CARD", amount: 11550 }],
  });

/** At phone width (390px) the page scrolls only downwards. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a seller ships open units of two lines in one submit and sees every stage in the history", async ({ page }) => {
  const order = await newOrder();
  await signIn(page, "seller@demo.test");
  await page.goto(`/seller/orders/${order.id}/fulfil`);
  const form = page.getByRole("form", { name: "Move units of several lines" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("From stage")).toHaveValue("OPEN");
  await expect(form.getByLabel("Move to")).toHaveValue("SHIPPED");
  await shot(page, "seller-work-fulfil");
  await fitsPhone(page, "seller-work-fulfil");

  // Too many pan units: the message sits next to the pan row and nothing moves.
  await form.getByLabel("Units of SKU-MUG to move").fill("2");
  await form.getByLabel("Units of SKU-PAN to move").fill("3");
  await form.getByRole("button", { name: "Move to shipped" }).click();
  await expect(form.getByText("2 unit(s) open", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Units of SKU-PAN to move")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "seller-work-fulfil-error");
  await page.reload();
  await expect(page.getByRole("form", { name: "Move units of several lines" }).getByLabel("Units of SKU-MUG to move")).toBeVisible();

  await form.getByLabel("Units of SKU-MUG to move").fill("2");
  await form.getByLabel("Units of SKU-PAN to move").fill("1");
  await form.getByLabel("Tracking number for these lines").fill("1Z-E2E-WORK");
  await form.getByRole("button", { name: "Move to shipped" }).click();
  await expect(form.getByText("2 × SKU-MUG, 1 × SKU-PAN shipped.")).toBeVisible();
  await shot(page, "seller-work-fulfil-shipped");

  await page.getByRole("link", { name: "Done" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  for (const past of ["allocated", "released", "picked", "packed"]) {
    await expect(history).toContainText(`2 × SKU-MUG (line 1), 1 × SKU-PAN (line 2) ${past}`);
  }
  await expect(history).toContainText("2 × SKU-MUG (line 1), 1 × SKU-PAN (line 2) shipped (tracking 1Z-E2E-WORK)");
  await shot(page, "seller-work-history");
  await fitsPhone(page, "seller-work-history");
});
