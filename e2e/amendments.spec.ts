// Changing an order after it was placed: buyer2 edits the delivery note of demo-2001 (not yet
// released), reviews what the change does, confirms it, and sees it applied; a second tab opened
// before the change is refused instead of overwriting it. OPS blocks delivery-note changes on the
// safety matrix page, the buyer's review says so, and OPS puts the default back.
import { expect, test, type Page } from "@playwright/test";
import { demoOrder, shot, signIn } from "./helpers";

async function openAmendPage(page: Page) {
  const order = await demoOrder(page, "demo-2001", "buyer2@demo.test");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "Change order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change order" })).toBeVisible();
  return order;
}

async function setNoteCell(page: Page, label: string) {
  await page.goto("/ops/amendment-matrix");
  await page.getByLabel("Delivery note — Before release").selectOption({ label });
  await page.getByRole("button", { name: "Save matrix" }).click();
  await expect(page.getByRole("status")).toContainText("Safety matrix saved");
}

test("a buyer changes the delivery note: review, confirm, applied; a stale tab changes nothing", async ({ page, browser }) => {
  await signIn(page, "buyer2@demo.test");
  const order = await openAmendPage(page);
  const stale = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await stale.goto(page.url());

  await page.getByLabel("Note for the carrier (optional)").fill("Ring twice, the bell is broken");
  await page.getByRole("button", { name: "Review change" }).click();
  const review = page.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Note for the carrier");
  await expect(review).toContainText("Changes at once.");
  await shot(page, "amend-review");
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page).toHaveURL(/\?amendment=AM-\d+$/);
  const number = new URL(page.url()).searchParams.get("amendment")!;
  const card = page.getByTestId(`amendment-${number}`);
  await expect(card).toContainText("Applied");
  await expect(card).toContainText("Ring twice, the bell is broken");
  await expect(page.getByRole("region", { name: "Delivery" })).toContainText("Ring twice, the bell is broken");
  await shot(page, "amend-applied");

  await stale.getByLabel("Note for the carrier (optional)").fill("Leave it with the neighbours");
  await stale.getByRole("button", { name: "Review change" }).click();
  await expect(stale.getByRole("form", { name: "Change order" }).getByRole("alert")).toContainText("changed since you opened this page");
  const after = await (await page.request.get(`/api/v1/orders/${order.id}`)).json();
  expect(after.deliveryNote).toBe("Ring twice, the bell is broken");
});

test("OPS blocks delivery-note changes on the safety matrix; the buyer's review says so; OPS restores the default", async ({ page, browser }) => {
  await signIn(page, "ops@demo.test");
  await setNoteCell(page, "Blocked");
  await expect(page.getByRole("region", { name: "Changes" })).toContainText("Delivery note, Before release: Allowed → Blocked");
  await shot(page, "amendment-matrix");

  const buyer = await (await browser.newContext()).newPage();
  await signIn(buyer, "buyer2@demo.test");
  await openAmendPage(buyer);
  await buyer.getByLabel("Note for the carrier (optional)").fill("Call before delivery");
  await buyer.getByRole("button", { name: "Review change" }).click();
  const review = buyer.getByRole("region", { name: "What this change does" });
  await expect(review).toContainText("Can't be changed now");
  await expect(buyer.getByRole("button", { name: "Confirm change" })).toHaveCount(0);

  await setNoteCell(page, "Allowed");
  await buyer.getByRole("button", { name: "Review change" }).click();
  await expect(review).toContainText("Changes at once.");
});
