/** React Query keys for the approver's queue, in one place so invalidation matches what was cached. */
export const approvalKeys = {
  all: ["approvals"] as const,
  list: (filter: { level?: string; minOrderValue?: number; cursor?: string | null }) =>
    [...approvalKeys.all, filter.level ?? "", filter.minOrderValue ?? "", filter.cursor ?? ""] as const,
};

/** How often the approver's queue asks for new requests (shared by the server page's text and the client poll). */
export const QUEUE_POLL_MS = 5_000;
