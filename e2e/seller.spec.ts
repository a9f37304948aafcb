// Seller journeys. The main one is serial: the seller moves the 5-mug order (demo-1001) through
// ALLOCATE 5 → RELEASE 5 → PICK 5 → PACK 5 → SHIP 2 on the fulfil page, then the buyer sees
// "2 of 5 shipped". Needs the fresh demo data global setup provides.
import { expect, test } from "@playwright/test";
import { demoOrder, shot, signIn, type OrderView } from "./helpers";

test.describe.serial("partial fulfilment of the 5-mug order", () => {
  let order: OrderView;

  test("the seller allocates, releases, picks and packs 5 mugs, then ships 2", async ({ page }) => {
    await signIn(page, "seller@demo.test");
    await expect(page).toHaveURL(/\/seller\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Store orders" })).toBeVisible();
    await shot(page, "seller-orders");

    order = await demoOrder(page, "demo-1001");
    const mug = order.lines.find((l) => l.sku === "SKU-MUG");
    expect(mug?.quantities.open, "demo-1001 must be untouched (fresh demo data)").toBe(5);

    // From the list row to the order and on to the fulfil page.
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: order.number, exact: true }) });
    await expect(row).toContainText("5 units");
    await row.getByRole("link", { name: order.number, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await page.getByRole("link", { name: "Fulfil lines" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Fulfil order ${order.number}` })).toBeVisible();

    const quantity = page.getByLabel("Quantity for SKU-MUG", { exact: true });
    for (const [verb, past] of [
      ["Allocate", "allocated"],
      ["Release", "released"],
      ["Pick", "picked"],
      ["Pack", "packed"],
    ] as const) {
      await expect(page.getByRole("button", { name: `${verb} SKU-MUG` })).toBeVisible();
      await expect(quantity).toHaveValue("5");
      await page.getByRole("button", { name: `${verb} SKU-MUG` }).click();
      await expect(page.getByText(`5 × SKU-MUG ${past}.`)).toBeVisible();
    }
    await shot(page, "seller-fulfil-packed");

    await quantity.fill("2");
    await page.getByLabel("Tracking number for SKU-MUG").fill("1Z-E2E-0001");
    await page.getByRole("button", { name: "Ship SKU-MUG" }).click();
    await expect(page.getByText("2 × SKU-MUG shipped.")).toBeVisible();
    await expect(page.getByText("Shipping in progress")).toBeVisible();
    // 3 still packed (ship more) and 2 shipped (deliver) are the next possible steps.
    await expect(page.getByRole("radio", { name: /Ship/ })).toBeVisible();
    await expect(page.getByRole("radio", { name: /Deliver/ })).toBeVisible();
    await shot(page, "seller-fulfil-shipped-2");

    await page.getByRole("link", { name: "Done" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("2 × SKU-MUG (line 1) shipped (tracking 1Z-E2E-0001)");
    await expect(page.getByText("Partially shipped").first()).toBeVisible();
    await shot(page, "seller-order-history");
  });

  test("the buyer then sees 2 of 5 shipped", async ({ page }) => {
    await signIn(page, "buyer@demo.test");
    await page.getByRole("link", { name: new RegExp(`Order ${order.number}`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await expect(page.getByText("2 of 5 shipped")).toBeVisible();
    await shot(page, "buyer-2-of-5-shipped");
  });
});

test("a seller adds an internal note and a customer-visible one", async ({ page }) => {
  await signIn(page, "seller@demo.test");
  const order = await demoOrder(page, "demo-1003");
  await page.goto(`/seller/orders/${order.id}`);
  const notes = page.getByRole("region", { name: "Notes" });

  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("a note cannot be empty")).toBeVisible();

  await notes.getByLabel("Note", { exact: true }).fill("Pans wait for the courier pickup.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Internal note added.")).toBeVisible();
  await expect(notes.getByText("Pans wait for the courier pickup.")).toBeVisible();

  await notes.getByLabel("Note", { exact: true }).fill("Your pans ship tomorrow.");
  await notes.getByLabel("Visibility").selectOption("CUSTOMER");
  await notes.getByLabel("Notify the customer").check();
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Customer-visible note added.")).toBeVisible();
  await expect(notes.getByText("Customer notified")).toBeVisible();
  await shot(page, "seller-notes");
});

test("a stale fulfil page is told to reload instead of moving units", async ({ page, context }) => {
  await signIn(page, "seller@demo.test");
  const order = await demoOrder(page, "demo-1002"); // 1 kettle from acme, open
  await page.goto(`/seller/orders/${order.id}/fulfil`);
  await expect(page.getByRole("button", { name: "Allocate SKU-KETTLE" })).toBeVisible();

  // Someone else changes the order in another tab.
  const other = await context.newPage();
  await other.goto(`/seller/orders/${order.id}/fulfil`);
  await other.getByRole("button", { name: "Allocate SKU-KETTLE" }).click();
  await expect(other.getByText("1 × SKU-KETTLE allocated.")).toBeVisible();
  await other.close();

  const form = page.getByRole("form", { name: "Fulfil SKU-KETTLE" });
  await form.getByRole("button", { name: "Allocate SKU-KETTLE" }).click();
  await expect(form.getByRole("alert")).toContainText("This order changed after you opened this page");
  await shot(page, "seller-stale-version");
  await form.getByRole("button", { name: "Reload page" }).click();
  await expect(form.getByRole("button", { name: "Release SKU-KETTLE" })).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);

  // More units than the bucket holds: the command refuses and says why.
  await page.getByLabel("Quantity for SKU-KETTLE", { exact: true }).fill("3");
  await form.getByRole("button", { name: "Release SKU-KETTLE" }).click();
  await expect(form.getByRole("alert")).toContainText("Not enough units for this step");
});

test("a seller filters store orders by status", async ({ page }) => {
  await signIn(page, "seller@demo.test");
  await page.getByLabel("Status").selectOption("PARTIALLY_SHIPPED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=PARTIALLY_SHIPPED/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.first()).toBeVisible();
  for (const badge of await page.getByRole("table").locator("tbody tr td:nth-child(6)").allTextContents()) {
    expect(badge).toBe("Partially shipped");
  }
  await page.getByLabel("Sort by").selectOption("total_desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=total_desc/);
  await shot(page, "seller-orders-filtered");
});
