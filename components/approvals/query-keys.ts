/** React Query keys for the approver's queue, in one place so invalidation matches what was cached. */
export const approvalKeys = {
  all: ["approvals"] as const,
  list: (filter: { level?: string; minOrderValue?: number; cursor?: string | null }) =>
    [...approvalKeys.all, filter.level ?? "", filter.minOrderValue ?? "", filter.cursor ?? ""] as const,
};
