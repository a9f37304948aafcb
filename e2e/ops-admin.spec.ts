// OPS administration in the browser: an API key is created and shown once, answers the API, is
// revoked and answers 401 at once; a reason code is edited; stock is adjusted and shows in the
// ledger. Each page also fits a phone's width.
import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("OPS creates an API key, sees it once, revokes it, and the key answers 401", async ({ page, request }) => {
  await signIn(page, "ops@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  const form = page.getByRole("form", { name: "Create API key" });

  // Missing scopes and name: field messages, nothing created.
  await form.getByLabel("User email").fill("integration@demo.test");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Choose at least one scope")).toBeVisible();
  await expect(form.getByRole("alert")).toContainText("No key was created");

  const name = `e2e-${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("orders:read").check();
  await form.getByLabel("Rate limit (requests per minute)").fill("30");
  await form.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^cm_/);
  const key = (await shown.textContent())!.trim();
  await shot(page, "ops-api-key-created");

  const ok = await request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["ratelimit-limit"]).toBe("30");

  // Shown once: after a reload the key is nowhere on the page, its row is.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  const row = page.getByRole("row", { name });
  await expect(row).toContainText("integration@demo.test");
  await fitsPhone(page, "ops-api-keys");

  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe("UNAUTHENTICATED");
});

test("OPS edits a reason code and adjusts stock, seen in the ledger", async ({ page }) => {
  await signIn(page, "ops@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reason codes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reason codes" })).toBeVisible();
  // A new return reason, refused without a kind, then added; then relabelled and shown to buyers.
  const code = `E2E_${Date.now().toString(36).toUpperCase()}`;
  const add = page.getByRole("form", { name: "New reason code" });
  await add.getByLabel("Code").fill(code.toLowerCase());
  await add.getByLabel("Label").fill("Bought twice");
  await add.getByRole("button", { name: "Add reason code" }).click();
  await expect(add.getByText("Choose what the reason applies to")).toBeVisible();
  await add.getByLabel("Applies to").selectOption("RETURN");
  await add.getByRole("button", { name: "Add reason code" }).click();
  await expect(add.getByRole("status")).toContainText(`${code} added`);

  const edit = page.getByRole("form", { name: `Edit ${code}` });
  await edit.getByRole("textbox").fill("");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Enter a label")).toBeVisible();
  await edit.getByRole("textbox").fill("Ordered the same thing twice");
  await edit.getByLabel("Buyers may give it").check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toContainText(`${code} saved`);
  await page.reload();
  const saved = page.getByRole("form", { name: `Edit ${code}` });
  await expect(saved.getByRole("textbox")).toHaveValue("Ordered the same thing twice");
  await expect(saved.getByLabel("Buyers may give it")).toBeChecked();
  await expect(page.getByText(new RegExp(`${code} updated by ops@demo\\.test`))).toBeVisible();
  // Deactivated again, so no other journey is offered it.
  await saved.getByLabel("Active").uncheck();
  await saved.getByRole("button", { name: "Save" }).click();
  await expect(saved.getByRole("status")).toContainText(`${code} saved`);
  await fitsPhone(page, "ops-reason-codes");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
  const supply = page.getByRole("row", { name: "SKU-MUG at DC-WEST" });
  const before = Number(await supply.getByRole("cell").nth(1).textContent());
  const adjust = page.getByRole("form", { name: "Adjust stock" });
  await adjust.getByLabel("SKU").fill("SKU-MUG");
  await adjust.getByLabel("Location").selectOption("DC-WEST");
  await adjust.getByLabel("Change on hand by").fill("ten");
  await adjust.getByRole("button", { name: "Adjust stock" }).click();
  await expect(adjust.getByText("Enter a whole number of units")).toBeVisible();
  await adjust.getByLabel("Change on hand by").fill("7");
  await adjust.getByRole("button", { name: "Adjust stock" }).click();
  await expect(adjust.getByRole("status")).toContainText(`on hand ${before + 7}`);
  await page.reload();
  await expect(page.getByRole("row", { name: "SKU-MUG at DC-WEST" }).getByRole("cell").nth(1)).toHaveText(String(before + 7));
  await page.getByRole("row", { name: "SKU-MUG at DC-WEST" }).getByRole("link", { name: "Ledger" }).click();
  const ledger = page.getByRole("region", { name: /Ledger of SKU-MUG at DC-WEST/ });
  await expect(ledger.getByRole("row").nth(1)).toContainText(`+7 → ${before + 7}`);
  await fitsPhone(page, "ops-inventory");
});

test("after 10 failed sign-ins for one email the login form asks to wait, then refuses every attempt", async ({ page }) => {
  await page.goto("/login");
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  await email.fill("nobody-e2e@demo.test");
  for (let i = 0; i < 10; i++) {
    await password.fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await password.fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
  await shot(page, "login-rate-limited");
});
