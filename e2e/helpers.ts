// Shared steps of the browser journeys: sign in, screenshot, find a demo order through the API.
import { expect, test, type Page } from "@playwright/test";

export const PASSWORD = "demo1234";

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
}

/** Full-page screenshot into this test's output folder under test-results/. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

export interface OrderView {
  id: string;
  number: string;
  version: number;
  externalRef: string | null;
  lines: { id: string; sku: string; quantities: Record<string, number>; refunded: number }[];
  totals: { refunded: number };
}

/**
 * GET with the page's session. A socket the server closed as idle just as it was reused
 * ("socket hang up", ECONNRESET) is a transport hiccup, not an answer: a GET is retried once.
 */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  let res;
  try {
    res = await page.request.get(path);
  } catch (e) {
    if (!/ECONNRESET|socket hang up/i.test(String(e))) throw e;
    res = await page.request.get(path);
  }
  expect(res.ok(), `GET ${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** Finds one of the buyer's demo orders by its externalRef through the API, with the signed-in session. */
export async function demoOrder(page: Page, externalRef: string, buyerEmail = "buyer@demo.test"): Promise<OrderView> {
  const { items } = await getJson<{ items: { id: string }[] }>(page, `/api/v1/orders?buyerEmail=${encodeURIComponent(buyerEmail)}&limit=100`);
  for (const { id } of items) {
    const order = await getJson<OrderView>(page, `/api/v1/orders/${id}`);
    if (order.externalRef === externalRef) return order;
  }
  throw new Error(`demo order ${externalRef} not found: run against fresh demo data`);
}

/** At phone width (390×844) the page scrolls only downwards; a screenshot at that width is kept. */
export async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 720 });
}
