// Fulfilment work a change makes necessary (SPEC §6): when its matrix cell is REQUIRES_REPLANNING
// or MANUAL_REVIEW ("then replans"), every unit of the lines it touches that is already in the
// warehouse (released, picked, packed) must be handled again — e.g. released units recalled and
// re-released to the new address, a manual task for the store.

import type { FulfilmentStage } from '../../orders/domain/buckets.ts';
import type { AmendableLine, CommandKind } from './change-command.ts';
import type { SafetyCell } from './safety-matrix.ts';

export const REPLANNING_TYPES = [
  'RECALL_FOR_REROUTE',
  'RESCHEDULE_DELIVERY',
  'RECALL_FOR_SUBSTITUTION',
  'UPDATE_WAREHOUSE_INSTRUCTIONS',
  'REVIEW_FULFILMENT',
] as const;
export type ReplanningType = (typeof REPLANNING_TYPES)[number];

/** What each command's replanning asks the store to do with the units in the warehouse. */
export const REPLANNING_OF: Readonly<Record<CommandKind, ReplanningType>> = Object.freeze({
  ChangeShippingAddress: 'RECALL_FOR_REROUTE',
  ChangeDeliveryWindow: 'RESCHEDULE_DELIVERY',
  SubstituteItem: 'RECALL_FOR_SUBSTITUTION',
  ChangeDeliveryNote: 'UPDATE_WAREHOUSE_INSTRUCTIONS',
  ChangeContact: 'UPDATE_WAREHOUSE_INSTRUCTIONS',
  // Only when OPS makes these replan: new or re-priced units need no physical rework by default.
  ChangeLineQuantity: 'REVIEW_FULFILMENT',
  ChangeUnitPrice: 'REVIEW_FULFILMENT',
});

/** The stages whose units are in the warehouse's hands. */
export const WAREHOUSE_STAGES: readonly FulfilmentStage[] = Object.freeze(['RELEASED', 'PICKED', 'PACKED'] as const);

export interface ReplanningTask {
  type: ReplanningType;
  orderLineId: string;
  quantity: number;
  byStage: Partial<Record<FulfilmentStage, number>>;
  /** The change (its index in the request) that needs the work. */
  changeIndex: number;
}

export function needsReplanning(cell: SafetyCell): boolean {
  return cell.result === 'REQUIRES_REPLANNING' || cell.result === 'MANUAL_REVIEW';
}

/** One task per touched line holding units in the warehouse (none when the cell needs no replanning). */
export function replanningFor(
  kind: CommandKind,
  changeIndex: number,
  cell: SafetyCell,
  lines: readonly AmendableLine[],
): ReplanningTask[] {
  if (!needsReplanning(cell)) return [];
  const tasks: ReplanningTask[] = [];
  for (const line of lines) {
    const byStage: Partial<Record<FulfilmentStage, number>> = {};
    let quantity = 0;
    for (const stage of WAREHOUSE_STAGES) {
      if (line.counts[stage] > 0) {
        byStage[stage] = line.counts[stage];
        quantity += line.counts[stage];
      }
    }
    if (quantity > 0) tasks.push({ type: REPLANNING_OF[kind], orderLineId: line.id, quantity, byStage, changeIndex });
  }
  return tasks;
}
