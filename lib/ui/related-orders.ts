// How returns and the order relation graph read on a page: status words and the graph drawn as an
// indented tree from its root order. Pure: the relations and statuses come from the server.
import type { RelatedOrdersT } from "../modules/orders/contracts/relations.ts";

type Item = RelatedOrdersT["items"][number];

export const RETURN_STATUS_LABELS: Readonly<Record<string, string>> = {
  REQUESTED: "Requested",
  PENDING_APPROVAL: "Waiting for approval",
  APPROVED: "Approved",
  AWAITING_RECEIPT: "Waiting for the items",
  RECEIVED: "Received, refund on its way",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
};

export function returnStatusLabel(status: string): string {
  return RETURN_STATUS_LABELS[status] ?? status;
}

/** A relation as it reads from the linked order towards its neighbour, e.g. RETURNS → "Returns". */
export function relationPhrase(relation: string): string {
  const words: Record<string, string> = { RETURNS: "Returns", SUPPLEMENTS: "Supplements", REPLACES: "Replaces", CANCELS: "Cancels", AMENDS: "Amends", SPLITS_FROM: "Split from" };
  return words[relation] ?? relation.charAt(0) + relation.slice(1).toLowerCase().replaceAll("_", " ");
}

export interface TreeRow {
  orderId: string;
  depth: number;
  /** The order of the page itself (no item: the page knows its own number). */
  current: boolean;
  item?: Item;
}

/**
 * The graph as rows of a tree: the root order first, each order under the one it points at
 * (a return under the order it returns), the page's own order marked. OUTGOING items lie on the
 * way up from the page's order, INCOMING ones below it.
 */
export function relationTree(currentId: string, items: readonly Item[]): TreeRow[] {
  const parent = new Map<string, string>();
  for (const i of items) {
    if (i.direction === "OUTGOING") parent.set(i.viaOrderId, i.orderId);
    else parent.set(i.orderId, i.viaOrderId);
  }
  let root = currentId;
  const seen = new Set([root]);
  while (parent.has(root) && !seen.has(parent.get(root)!)) seen.add((root = parent.get(root)!));
  const byId = new Map(items.map((i) => [i.orderId, i]));
  const rows: TreeRow[] = [];
  const visit = (id: string, depth: number) => {
    if (rows.some((r) => r.orderId === id)) return;
    rows.push({ orderId: id, depth, current: id === currentId, item: byId.get(id) });
    for (const child of items.filter((i) => parent.get(i.orderId) === id)) visit(child.orderId, depth + 1);
    if (parent.get(currentId) === id && id !== currentId) visit(currentId, depth + 1);
  };
  visit(root, 0);
  return rows;
}
