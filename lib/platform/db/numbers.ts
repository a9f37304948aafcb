import type { Tx } from "./client.ts";

/**
 * Business-readable numbers from an atomic counter row: the increment is one UPDATE, so two
 * transactions can never draw the same value (never count() + 1).
 */
export async function nextNumber(tx: Tx, counter: string, prefix: string, width = 6): Promise<string> {
  const row = await tx.counter.upsert({
    where: { name: counter },
    create: { name: counter, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${prefix}${String(row.value).padStart(width, "0")}`;
}
