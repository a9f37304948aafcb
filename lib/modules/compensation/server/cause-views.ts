import type { Db, Tx } from "../../../platform/db/client.ts";
import { causeHandler } from "./causes.ts";

/**
 * The API's task and fallout views predate causes and name a cancellation request
 * (`cancellationRequestId`, `cancellationNumber`, `cancellationStatus`): those fields are the
 * cause when it is one, else null.
 */
export function legacyCancellationId(row: { causeType: string; causeId: string }): string | null {
  return row.causeType === "CancellationRequest" ? row.causeId : null;
}

/** Number and status of every cause of these rows, keyed `${causeType}:${causeId}`, each asked of its handler. */
export async function describeCauses(db: Db | Tx, rows: readonly { causeType: string; causeId: string }[]) {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) idsByType.set(r.causeType, (idsByType.get(r.causeType) ?? new Set()).add(r.causeId));
  const out = new Map<string, { number: string; status: string }>();
  for (const [type, ids] of idsByType) {
    for (const [id, d] of await causeHandler(type).describe(db, [...ids])) out.set(`${type}:${id}`, d);
  }
  return out;
}
