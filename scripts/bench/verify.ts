// Reading the run back through the API: remaining units, refunds, inventory and history must be
// exactly what the successful cancels imply (SPEC §4.5 computed here, independently of the app).
import type { ApiClient } from "./api.ts";
import { LINE_QUANTITY, LOCATION_CODE, refundAfter, STOCK_RECEIPT } from "./order-shape.ts";
import { pool } from "./stats.ts";
import type { BenchOrder, OrderView } from "./workload.ts";

export interface Check {
  name: string;
  pass: boolean;
  /** What was found, and for a failure the first offending orders. */
  detail: string;
}

/** Every item of a paginated list. */
export async function allItems<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: { items: T[]; nextCursor: string | null } = await api.expect("GET", `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, 200);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export async function supplyOf(api: ApiClient, sku: string): Promise<{ onHand: number; allocated: number }> {
  const rows = await allItems<{ sku: string; locationCode: string; onHand: number; allocated: number }>(
    api,
    `/inventory?sku=${encodeURIComponent(sku)}&locationCode=${LOCATION_CODE}`,
  );
  const row = rows.find((r) => r.sku === sku && r.locationCode === LOCATION_CODE);
  if (!row) throw new Error(`GET /inventory has no row for ${sku} at ${LOCATION_CODE}`);
  return row;
}

/** What the API says about one order. */
export interface OrderReadBack {
  view: OrderView;
  completedCancellations: number;
  executedHistoryEntries: number;
}

export async function readBack(api: ApiClient, orderId: string): Promise<OrderReadBack> {
  const view = await api.expect<OrderView>("GET", `/orders/${orderId}`, 200);
  const requests = await allItems<{ status: string }>(api, `/orders/${orderId}/cancellation-requests`);
  const history = await allItems<{ action: string }>(api, `/orders/${orderId}/history`);
  return {
    view,
    completedCancellations: requests.filter((r) => r.status === "COMPLETED").length,
    executedHistoryEntries: history.filter((h) => h.action === "CANCELLATION_EXECUTED").length,
  };
}

/** Units of the line not cancelled (or returned). */
export const remainingOf = (view: OrderView) => {
  const q = view.lines[0]!.quantities;
  return view.lines[0]!.quantity - (q.cancelled ?? 0) - (q.returned ?? 0);
};

/** Cancelled count k that the order's state must match: ok ≤ k ≤ ok + unknown. */
const plausible = (order: BenchOrder, k: number) => k >= order.ok && k <= order.ok + order.unknown;

function checkOrder(order: BenchOrder, back: OrderReadBack): Record<string, string | null> {
  const { view } = back;
  const k = LINE_QUANTITY - remainingOf(view);
  const refund = refundAfter(k).total;
  const expected = order.unknown ? `${order.ok}..${order.ok + order.unknown}` : String(order.ok);
  const line = view.lines[0]!;
  return {
    remaining: plausible(order, k) ? null : `${order.id}: ${remainingOf(view)} units remain, ${expected} cancelled expected`,
    refund:
      view.totals.refunded === refund && line.refunded === refund && view.payments[0]?.refunded === refund
        ? null
        : `${order.id}: refunded order ${view.totals.refunded} / line ${line.refunded} / card ${view.payments[0]?.refunded}, expected ${refund} for ${k} unit(s)`,
    history:
      plausible(order, back.completedCancellations) && back.executedHistoryEntries === back.completedCancellations && back.completedCancellations === k
        ? null
        : `${order.id}: ${back.completedCancellations} COMPLETED requests, ${back.executedHistoryEntries} CANCELLATION_EXECUTED entries, ${k} cancelled units, ${expected} successful cancels`,
    status: view.status !== "CANCELLED" ? null : `${order.id}: order is CANCELLED`,
  };
}

const NAMES: Record<string, string> = {
  remaining: "each line's remaining quantity = 10 − successful cancels",
  refund: "refunded (order, line, card) = §4.5 refund of the cancelled units",
  history: "cancellation requests COMPLETED = CANCELLATION_EXECUTED history entries = cancels",
  status: "no order fully cancelled",
};

/** Reads every order and the SKU's supply back; one check per property. */
export async function verifyRun(api: ApiClient, orders: BenchOrder[], sku: string, concurrency: number): Promise<Check[]> {
  const problems: Record<string, string[]> = { remaining: [], refund: [], history: [], status: [] };
  let remainingAllocated = 0;
  let remaining = 0;
  await pool(orders, concurrency, async (order) => {
    const back = await readBack(api, order.id);
    for (const [key, problem] of Object.entries(checkOrder(order, back))) if (problem) problems[key]!.push(problem);
    remainingAllocated += back.view.lines[0]!.quantities.allocated ?? 0;
    remaining += remainingOf(back.view);
  });
  const checks: Check[] = Object.entries(problems).map(([key, list]) => ({
    name: NAMES[key]!,
    pass: list.length === 0,
    detail: list.length ? `${list.length} order(s) off: ${list.slice(0, 3).join("; ")}` : `${orders.length} orders`,
  }));
  const supply = await supplyOf(api, sku);
  const ok = orders.reduce((n, o) => n + o.ok, 0);
  checks.push({
    name: "inventory allocated = remaining allocated units (= sum of remaining units); on hand unchanged",
    pass: supply.allocated === remainingAllocated && remainingAllocated === remaining && supply.onHand === STOCK_RECEIPT,
    detail: `allocated ${supply.allocated}, remaining allocated ${remainingAllocated}, remaining ${remaining} (${LINE_QUANTITY * orders.length} − ${ok} successful cancels), on hand ${supply.onHand}`,
  });
  return checks;
}
