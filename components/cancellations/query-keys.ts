/** React Query keys for cancellation work lists, in one place so invalidation matches what was cached. */
export const taskKeys = {
  all: ["compensation-tasks"] as const,
  list: (status: string) => [...taskKeys.all, status] as const,
};
