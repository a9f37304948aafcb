// Loyalty points journey: buyer@demo.test paid 20.00 of order demo-points-1 (2 copper kettles,
// 192.24) with 2,000 points redeemed 10 days before the demo data was loaded — 1,500 SUMMER points
// (then 40 days from expiry) and 500 WELCOME points (then 310 days from expiry). Cancelling one
// kettle refunds 96.12, of which 10.00 was paid with points: 1,000 points come back in reverse
// order (500 WELCOME, then 500 SUMMER), each expiring as many days after today as it had left
// when it was redeemed.
import { expect, test } from "@playwright/test";
import { demoOrder, getJson, shot, signIn } from "./helpers";

const DAY = 86_400_000;
const DATE_ONLY = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const inDays = (days: number) => DATE_ONLY.format(new Date(Date.now() + days * DAY));

test("a buyer who paid part in points cancels one item and gets the points back with an extended expiry", async ({ page }) => {
  await signIn(page, "buyer@demo.test");

  // My points before: 3,500 deposited, 2,000 redeemed.
  await page.getByRole("link", { name: "My points" }).click();
  await expect(page).toHaveURL(/\/points$/);
  await expect(page.getByRole("heading", { level: 1, name: "My points" })).toBeVisible();
  await expect(page.getByText("Balance: 1,500 points you can use now.")).toBeVisible();
  await expect(page.getByRole("link", { name: "My points" })).toHaveAttribute("aria-current", "page");

  const order = await demoOrder(page, "demo-points-1");
  const kettle = order.lines.find((l) => l.sku === "SKU-KETTLE")!;
  expect(kettle.quantities.open, "demo-points-1 must be untouched (fresh demo data)").toBe(2);

  await page.goto(`/orders/${order.id}`);
  const payment = page.getByRole("region", { name: "Payment" });
  await expect(payment).toContainText("Card$172.24");
  await expect(payment).toContainText("Points$20.00");
  await expect(page.getByRole("region", { name: "Points refunded" })).toHaveCount(0);

  await page.getByRole("link", { name: "Cancel items" }).click();
  await page.getByLabel("Cancel quantity for SKU-KETTLE").fill("1");
  await page.getByLabel("Reason").selectOption({ label: "Customer changed their mind" });
  await page.getByRole("button", { name: "Preview refund" }).click();
  const preview = page.getByRole("region", { name: "Refund preview" });
  // 89.00 + 7.12 tax = 96.12, split as the order was paid: 86.12 to the card, 10.00 in points.
  await expect(preview.getByTestId("refund-total")).toHaveText("$96.12");
  await expect(preview).toContainText("Card$86.12");
  await expect(preview).toContainText("Points$10.00");
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}\\?cancellation=CX-\\d+$`));
  const number = new URL(page.url()).searchParams.get("cancellation")!;
  await expect(page.getByRole("status").filter({ hasText: `Cancellation ${number} completed` })).toContainText("$96.12 goes back to how you paid.");

  await expect(payment).toContainText("$86.12 refunded");
  await expect(payment).toContainText("$10.00 refunded");
  const refunded = page.getByRole("region", { name: "Points refunded" });
  await expect(refunded).toContainText("1,000 points back for $10.00");
  const deposits = refunded.getByRole("list", { name: "Points deposited" });
  const welcome = deposits.getByRole("listitem").filter({ hasText: "500 points · WELCOME" });
  const summer = deposits.getByRole("listitem").filter({ hasText: "500 points · SUMMER" });
  await expect(welcome).toContainText(`expires ${inDays(310)}`);
  await expect(summer).toContainText(`expires ${inDays(40)}`);
  await shot(page, "points-order-refunded");

  // My points after: 1,000 more, with the new expiries listed.
  await page.getByRole("link", { name: "My points" }).click();
  await expect(page.getByText("Balance: 2,500 points you can use now.")).toBeVisible();
  const balance = page.getByRole("region", { name: "Balance by program" });
  await expect(balance).toContainText("SUMMER500 points");
  await expect(balance).toContainText("WELCOME2,000 points");
  const expiries = page.getByRole("region", { name: "Upcoming expiries" });
  await expect(expiries.getByRole("listitem").filter({ hasText: "SUMMER" })).toContainText(`${inDays(40)} · SUMMER500 points`);
  await expect(expiries.getByRole("listitem").filter({ hasText: inDays(310) })).toContainText("WELCOME500 points");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").filter({ hasText: "Given back" })).toHaveCount(2);
  await expect(history.getByRole("row").filter({ hasText: "Redeemed" })).toContainText("−2,000");
  await shot(page, "points-my-points");

  // The API agrees: the withdrawal has 1,000 of 2,000 points left to give back.
  const after = await demoOrder(page, "demo-points-1");
  const tender = await getJson<{ payments: { method: string; pointsWithdrawTransactionId: string | null; refunded: number }[] }>(page, `/api/v1/orders/${after.id}`);
  const pts = tender.payments.find((p) => p.method === "POINTS")!;
  expect(pts.refunded).toBe(1000);
  const withdrawal = await getJson(page, `/api/v1/points/withdrawals/${pts.pointsWithdrawTransactionId}`);
  expect(withdrawal).toMatchObject({ pointsWithdrawn: 2000, pointsCanceled: 1000, pointsCancelable: 1000 });
});
