// Two orders made over HTTP for the scoping tests:
//   A (buyer@demo.test): lines of acme and globex, notes of each store and of the whole order,
//     R1 over both stores' lines, R2 over globex's only, R3 over acme's only (approved; its recall
//     task failed, so a fallout case is open);
//   B (buyer2@demo.test): globex only, with its request R4;
// and a points withdrawal of buyer2. `forbidden[store]` lists what of the other store's part of A a
// seller of `store` must never be shown.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { call, keyFor } from "./client.ts";
import { formatted, type Forbidden } from "../support/leaks.ts";

export const PRICES = {
  acme: { unitPrice: 1117, tax: 339, subtotal: 3351, total: 3690, refund: 1117 + 113 },
  globex: { unitPrice: 2357, tax: 723, subtotal: 7071, total: 7794, refund: 2357 + 241 },
};
export const ORDER_TOTAL = PRICES.acme.total + PRICES.globex.total;

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

const cancel = (lines: { orderLineId: string; quantity: number }[]) => ({
  cancellationType: "CUSTOMER_REQUEST",
  reasonCode: "CUSTOMER_CHANGED_MIND",
  scope: { type: "LINES", lines },
});

/** `withdrawal: false` skips the points withdrawal (buyer2 has one points account per database). */
export async function buildScopeFixture(options: { withdrawal?: boolean } = {}) {
  const run = randomUUID().slice(0, 8).toUpperCase();
  const all = await keyFor("integration@demo.test", "*");
  const ops = await keyFor("ops@demo.test", "*");
  const buyer = await keyFor("buyer@demo.test", "*");
  const acme = await keyFor("seller@demo.test", "*");
  const globex = await keyFor("seller2@demo.test", "*");
  const sku = { acme: `SKU-SCOPE-A-${run}`, globex: `SKU-SCOPE-G-${run}` };
  const notes = { acme: `ACME-NOTE-${run}`, globex: `GLOBEX-NOTE-${run}`, order: `ORDER-NOTE-${run}` };
  const line = (store: "acme" | "globex", location: string) => ({
    sku: sku[store],
    itemName: `Scope ${store}`,
    category: "SCOPE",
    storeCode: store,
    quantity: 3,
    unitPrice: PRICES[store].unitPrice,
    taxAmount: PRICES[store].tax,
    shipFromLocationCode: location,
  });

  const a = await ok(
    call("POST", "/orders", {
      key: all,
      body: {
        externalRef: `scope-a-${run}`,
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [line("acme", "DC-EAST"), line("globex", "DC-WEST")],
        payments: [{ method: "CARD", amount: ORDER_TOTAL }],
      },
    }),
    201,
  );
  const [acmeLine, globexLine] = a.lines.map((l: any) => l.id) as [string, string];
  await ok(call("POST", `/orders/${a.id}/notes`, { key: acme, body: { body: notes.acme, visibility: "INTERNAL" } }), 201);
  await ok(call("POST", `/orders/${a.id}/notes`, { key: globex, body: { body: notes.globex, visibility: "CUSTOMER" } }), 201);
  await ok(call("POST", `/orders/${a.id}/notes`, { key: ops, body: { body: notes.order, visibility: "INTERNAL" } }), 201);
  const r1 = await ok(call("POST", `/orders/${a.id}/cancellation-requests`, { key: buyer, body: cancel([{ orderLineId: acmeLine, quantity: 1 }, { orderLineId: globexLine, quantity: 1 }]) }), 201);
  const r2 = await ok(call("POST", `/orders/${a.id}/cancellation-requests`, { key: globex, body: cancel([{ orderLineId: globexLine, quantity: 1 }]) }), 201);
  // Released units: cancelling one needs a supervisor and leaves a manual recall for acme.
  await ok(call("POST", "/inventory/adjustments", { key: ops, body: { sku: sku.acme, locationCode: "DC-EAST", quantity: 10, reason: "RECEIPT" } }), 201);
  for (const type of ["ALLOCATE", "RELEASE"]) {
    await ok(call("POST", `/orders/${a.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: acmeLine, quantity: 2 }] } }), 200);
  }
  const r3 = await ok(call("POST", `/orders/${a.id}/cancellation-requests`, { key: acme, body: cancel([{ orderLineId: acmeLine, quantity: 1 }]) }), 201);
  expect(r3.status).toBe("PENDING_APPROVAL");
  await ok(call("POST", `/orders/${a.id}/cancellation-requests/${r3.id}/approve`, { key: await keyFor("supervisor@demo.test", "*"), body: {} }), 200);
  const tasks = await ok(call("GET", `/compensation-tasks?status=OPEN&storeCode=acme&limit=100`, { key: acme }), 200);
  const recall = tasks.items.find((t: any) => t.cancellationRequestId === r3.id);
  await ok(call("POST", `/compensation-tasks/${recall.id}/fail`, { key: acme, body: { reason: `shelf empty ${run}` } }), 200);
  const cases = await ok(call("GET", `/fallout-cases?orderId=${a.id}`, { key: ops }), 200);
  const falloutCase = cases.items[0];

  const b = await ok(
    call("POST", "/orders", {
      key: all,
      body: {
        externalRef: `scope-b-${run}`,
        buyerEmail: "buyer2@demo.test",
        currency: "USD",
        lines: [{ ...line("globex", "DC-WEST"), quantity: 2, taxAmount: 0 }],
        payments: [{ method: "CARD", amount: 2 * PRICES.globex.unitPrice }],
      },
    }),
    201,
  );
  const r4 = await ok(call("POST", `/orders/${b.id}/cancellation-requests`, { key: await keyFor("buyer2@demo.test", "*"), body: cancel([{ orderLineId: b.lines[0].id, quantity: 1 }]) }), 201);

  // Amendments: an order-level change reaches every store of its order.
  const note = (value: string) => ({ reasonCode: "CUSTOMER_REQUEST", changes: [{ path: "/deliveryNote", op: "REPLACE", oldValue: null, newValue: value }] });
  const am1 = await ok(call("POST", `/orders/${a.id}/amendment-requests`, { key: buyer, body: note(`scope ${run}`) }), 201);
  const am4 = await ok(call("POST", `/orders/${b.id}/amendment-requests`, { key: await keyFor("buyer2@demo.test", "*"), body: note(`scope ${run}`) }), 201);

  // A return of B's shipped unit: it reaches whoever reaches B.
  await ok(call("POST", "/inventory/adjustments", { key: ops, body: { sku: sku.globex, locationCode: "DC-WEST", quantity: 10, reason: "RECEIPT" } }), 201);
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"]) {
    await ok(call("POST", `/orders/${b.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: b.lines[0].id, quantity: 1 }] } }), 200);
  }
  const rt4 = await ok(call("POST", `/orders/${b.id}/returns`, { key: await keyFor("buyer2@demo.test", "*"), body: { reasonCode: "WRONG_ITEM", lines: [{ orderLineId: b.lines[0].id, quantity: 1 }] } }), 201);

  let withdrawal: { transactionId: string } | null = null;
  if (options.withdrawal !== false) {
    const points = await keyFor("ops@demo.test", "points:write");
    const account = await ok(call("POST", "/points/accounts", { key: points, body: { ownerEmail: "buyer2@demo.test", deductionOrder: "FIFO" } }), 201);
    await ok(call("POST", `/points/accounts/${account.id}/deposits`, { key: points, body: { programId: "SCOPE", points: 50, expiresAt: "2099-01-01" } }), 201);
    withdrawal = await ok(call("POST", `/points/accounts/${account.id}/withdrawals`, { key: points, body: { points: 10 } }), 201);
  }

  // A webhook endpoint (the test app allows private targets; nothing listens on port 9).
  const webhook = await ok(call("POST", "/webhooks", { key: ops, body: { url: "http://127.0.0.1:9/scope", eventTypes: ["OrderNoteAdded"], description: `scope ${run}` } }), 201);

  const whole = await ok(call("GET", `/orders/${a.id}`, { key: buyer }), 200);
  const subOf = (code: string) => whole.subOrders.find((s: any) => s.storeCode === code).id as string;
  const forbidden: Record<"acme" | "globex", Forbidden> = {
    acme: {
      values: [globexLine, subOf("globex"), r2.id, r2.number, whole.payments[0].id, ...amounts("globex")],
      texts: [sku.globex, notes.globex, notes.order],
    },
    globex: {
      values: [acmeLine, subOf("acme"), r3.id, r3.number, recall.id, falloutCase.id, whole.payments[0].id, ...amounts("acme")],
      texts: [sku.acme, notes.acme, notes.order, `shelf empty ${run}`],
    },
  };
  return { run, sku, notes, a, b, acmeLine, globexLine, r1, r2, r3, r4, am1, am4, rt4, recall, falloutCase, withdrawal, webhook, forbidden };
}

/** A store's amounts on order A that no other store's reader may see, with the order-wide ones. */
function amounts(store: "acme" | "globex") {
  const p = PRICES[store];
  return [p.unitPrice, p.subtotal, p.total, p.refund, ORDER_TOTAL, PRICES.acme.refund + PRICES.globex.refund];
}

export type ScopeFixture = Awaited<ReturnType<typeof buildScopeFixture>>;
export { formatted };
