// Which pages show what a command changed, declared once per thing that changes. An action names
// what its command changed (`revalidate: ({ ref }) => pagesShowing.order(ref.orderId)`); the
// action wrapper revalidates every path listed, so a new page is added here, not in each action.

/** Everything about one order: its lines, requests, tasks, refunds, notes and history. */
function order(orderId: string): string[] {
  return [
    // buyer
    "/orders",
    `/orders/${orderId}`,
    `/orders/${orderId}/cancel`,
    "/points",
    // seller
    "/seller/orders",
    `/seller/orders/${orderId}`,
    `/seller/orders/${orderId}/fulfil`,
    "/seller/tasks",
    // approver
    "/approvals",
    // OPS
    "/ops/fallout",
    "/ops/reconciliation",
  ];
}

/** A return: the store's queue and its page, the RETURN order's page and everything about the original order. */
function returnOrder(r: { id: string; orderId: string; originalOrderId: string }): string[] {
  return [
    "/seller/returns",
    `/seller/returns/${r.id}`,
    `/orders/${r.orderId}`,
    `/seller/orders/${r.orderId}`,
    `/orders/${r.originalOrderId}/return`,
    `/seller/orders/${r.originalOrderId}/return`,
    ...order(r.originalOrderId),
  ];
}

/** A fallout case belongs to an order: its queue, its own page and the order's pages. */
function falloutCase(c: { id: string; orderId: string }): string[] {
  return [`/ops/fallout/${c.id}`, ...order(c.orderId)];
}

/** The approval rules: the list, and a rule's own page when one rule changed. */
function approvalRules(ruleId?: string): string[] {
  return ruleId ? ["/ops/approval-rules", `/ops/approval-rules/${ruleId}`] : ["/ops/approval-rules"];
}

/** The amendment safety matrix page. */
function amendmentPolicy(): string[] {
  return ["/ops/amendment-matrix"];
}

/** Webhook endpoints: the list, and one endpoint's page with its delivery log. */
function webhooks(webhookId?: string): string[] {
  return webhookId ? ["/ops/webhooks", `/ops/webhooks/${webhookId}`] : ["/ops/webhooks"];
}

/** The OPS admin pages: API keys, reason codes, inventory. */
const apiKeys = (): string[] => ["/ops/api-keys"];
const reasonCodes = (): string[] => ["/ops/reason-codes"];
const inventory = (): string[] => ["/ops/inventory"];

export const pagesShowing = { order, returnOrder, falloutCase, approvalRules, amendmentPolicy, webhooks, apiKeys, reasonCodes, inventory } as const;
