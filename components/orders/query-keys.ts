/** React Query keys for order data, in one place so invalidation matches what was cached. */
export const orderKeys = {
  all: ["orders"] as const,
  detail: (orderId: string) => [...orderKeys.all, orderId] as const,
  /** History depends on the order version: a new version is a new timeline. */
  history: (orderId: string, version: number) => [...orderKeys.detail(orderId), "history", version] as const,
};
