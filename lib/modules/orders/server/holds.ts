import type { Tx } from "../../../platform/db/client.ts";
import { DomainError, type FieldError } from "../../../platform/errors.ts";
import type { FulfilmentStage } from "../domain/buckets.ts";

/**
 * Stages a change can hold units in, and the order_line_holds column that records each. A
 * cancellation holds units not yet shipped; a return will hold shipped or delivered ones.
 */
export const HELD_COLUMN = {
  OPEN: "heldOpen",
  ALLOCATED: "heldAllocated",
  RELEASED: "heldReleased",
  PICKED: "heldPicked",
  PACKED: "heldPacked",
  SHIPPED: "heldShipped",
  DELIVERED: "heldDelivered",
} as const satisfies Record<FulfilmentStage, string>;
export type HoldableStage = keyof typeof HELD_COLUMN;
type HeldColumn = (typeof HELD_COLUMN)[HoldableStage];
const STAGES = Object.keys(HELD_COLUMN) as HoldableStage[];

/** Who holds: a change request of some type (CancellationRequest; later AmendmentRequest, ReturnOrder). */
export interface Holder {
  type: string;
  id: string;
  /** Its business number, shown when someone else is refused the line. */
  number: string;
}
export type HolderRef = Pick<Holder, "type" | "id">;

export interface LineHold {
  holder: Holder;
  byStage: Partial<Record<HoldableStage, number>>;
}

/** How a holder type is named to people ("cancellation request CX-7"). */
export function describeHolder(holder: Holder): string {
  const words = holder.type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `${words} ${holder.number}`;
}

function byStageOf(row: Record<HeldColumn, number>): LineHold["byStage"] {
  const byStage: LineHold["byStage"] = {};
  for (const stage of STAGES) if (row[HELD_COLUMN[stage]] > 0) byStage[stage] = row[HELD_COLUMN[stage]];
  return byStage;
}

/**
 * Units held by active changes, per line, whatever the holder's type. While a change waits (for
 * approval, say) its units stay where they are but fulfilment may not move them, so it later takes
 * exactly the units that were assessed.
 */
export async function activeHolds(tx: Tx, orderLineIds: readonly string[]): Promise<Map<string, LineHold>> {
  const rows = await tx.orderLineHold.findMany({ where: { orderLineId: { in: [...orderLineIds] }, active: true } });
  return new Map(rows.map((r) => [r.orderLineId, { holder: { type: r.holderType, id: r.holderId, number: r.holderNumber }, byStage: byStageOf(r) }]));
}

/**
 * The one rule of holds: at most one active change holds a line at a time. Throws 409 CONFLICT
 * naming the holder of each line that is taken (`pathOf(i)` is the input field of line i).
 */
export async function assertLinesFree(tx: Tx, orderLineIds: readonly string[], pathOf: (index: number) => string, except?: HolderRef) {
  const holds = await activeHolds(tx, orderLineIds);
  const taken: FieldError[] = [];
  orderLineIds.forEach((id, i) => {
    const hold = holds.get(id);
    if (hold && !(except && hold.holder.type === except.type && hold.holder.id === except.id)) {
      taken.push({ path: pathOf(i), message: `line is held by active ${describeHolder(hold.holder)}` });
    }
  });
  if (taken.length) {
    throw new DomainError("CONFLICT", `${taken.length === 1 ? "A line is" : "Lines are"} already held by another active change request`, { errors: taken });
  }
}

/** Places the holder's holds on lines (only lines with units to hold get a row), after checking no one else holds them. */
export async function placeHolds(tx: Tx, holder: Holder, lines: readonly { orderId: string; orderLineId: string; byStage: LineHold["byStage"] }[]) {
  const holding = lines.filter((l) => STAGES.some((s) => (l.byStage[s] ?? 0) > 0));
  await assertLinesFree(tx, holding.map((l) => l.orderLineId), (i) => `lines[${i}].orderLineId`, holder);
  for (const l of holding) {
    const held = Object.fromEntries(STAGES.map((s) => [HELD_COLUMN[s], l.byStage[s] ?? 0])) as Record<HeldColumn, number>;
    await tx.orderLineHold.create({
      data: { orderId: l.orderId, orderLineId: l.orderLineId, holderType: holder.type, holderId: holder.id, holderNumber: holder.number, ...held },
    });
  }
}

/** What a holder holds now, per line (its active holds only). */
export async function holdsOf(tx: Tx, holder: HolderRef): Promise<Map<string, LineHold["byStage"]>> {
  const rows = await tx.orderLineHold.findMany({ where: { holderType: holder.type, holderId: holder.id, active: true } });
  return new Map(rows.map((r) => [r.orderLineId, byStageOf(r)]));
}

/** The holder executed or ended: its lines (or only `orderLineIds`) are free again (the rows stay, inactive, as a record). */
export async function releaseHolds(tx: Tx, holder: HolderRef, orderLineIds?: readonly string[]) {
  await tx.orderLineHold.updateMany({
    where: { holderType: holder.type, holderId: holder.id, active: true, ...(orderLineIds ? { orderLineId: { in: [...orderLineIds] } } : {}) },
    data: { active: false },
  });
}
