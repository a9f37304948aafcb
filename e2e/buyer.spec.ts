// Buyer journeys: sign in, see own orders, open one, see partial shipments, and never reach
// another buyer's order (404, as the API answers). Each test signs in by itself.
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

interface OrderSummary {
  id: string;
  number: string;
}

test("a buyer signs in, sees their orders and opens one", async ({ page }) => {
  await signIn(page, "buyer@demo.test");
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "My orders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My orders" })).toHaveAttribute("aria-current", "page");

  const orders = page.getByRole("list", { name: "Orders" }).getByRole("link");
  await expect(orders).toHaveCount(4); // demo-1001…1003 and demo-points-1
  await shot(page, "buyer-orders");

  const first = orders.first();
  const number = (await first.textContent())?.match(/CM-\d+/)?.[0];
  expect(number).toBeTruthy();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Items" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  // Each line's status in plain words; the status codes are for sellers and OPS.
  await expect(page.getByText("Status", { exact: true }).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/· \d{4}\b/);
  await shot(page, "buyer-order-detail");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a buyer sees which part of a partly shipped order has shipped", async ({ page }) => {
  await signIn(page, "buyer@demo.test");
  // demo-1003: 2 of 4 mugs shipped, pans still packed.
  const list = await page.request.get("/api/v1/orders?buyerEmail=buyer@demo.test&limit=100");
  expect(list.ok()).toBeTruthy();
  const { items } = (await list.json()) as { items: OrderSummary[] };
  let target: string | undefined;
  for (const o of items) {
    const res = await page.request.get(`/api/v1/orders/${o.id}`);
    if (((await res.json()) as { externalRef: string | null }).externalRef === "demo-1003") target = o.id;
  }
  expect(target, "demo order demo-1003 exists").toBeTruthy();
  await page.goto(`/orders/${target}`);
  const notice = page.getByRole("region", { name: "Part of your order is on its way" });
  await expect(notice).toContainText("2 of 4 shipped");
  await expect(notice).toContainText("SKU-MUG");
  await shot(page, "buyer-partial-notice");
});

test("a buyer opening another buyer's order gets the not-found page", async ({ page, context }) => {
  await signIn(page, "buyer2@demo.test");
  const res = await page.request.get("/api/v1/orders");
  expect(res.ok()).toBeTruthy();
  const { items } = (await res.json()) as { items: OrderSummary[] };
  expect(items.length).toBeGreaterThan(0);
  const otherOrderId = items[0]!.id;

  await context.clearCookies();
  await signIn(page, "buyer@demo.test");
  const response = await page.goto(`/orders/${otherOrderId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
  await expect(page.getByText(otherOrderId)).toHaveCount(0);
  await shot(page, "buyer-other-order-404");

  // The API agrees: out of reach is 404, not 403.
  const api = await page.request.get(`/api/v1/orders/${otherOrderId}`);
  expect(api.status()).toBe(404);
});

test("signed-out visitors are sent to the login page, which lists demo accounts", async ({ page }) => {
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  await page.getByRole("button", { name: "Use seller@demo.test" }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("seller@demo.test");

  await page.getByLabel("Password", { exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password");

  await page.getByLabel("Email", { exact: true }).fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await shot(page, "login-errors");
});
