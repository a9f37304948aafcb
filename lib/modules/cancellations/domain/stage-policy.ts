// SPEC §4.2 as data: what cancelling a unit means at each fulfilment stage.
// Kept as a plain table (not code paths) so it can be reviewed at a glance and
// so OPS-managed rules can later supply a different one: every function that
// needs a policy takes it as a parameter instead of importing the default.

import type { ApproverLevel } from '../../../platform/auth/levels.ts';
import type { FulfilmentStage } from '../../orders/domain/buckets.ts';

export const INVENTORY_ADJUSTMENT_TYPES = [
  'DEALLOCATION',
  'RELEASE_RESERVATION',
  'RETURN_TO_AVAILABLE',
  'WRITE_OFF',
] as const;
export type InventoryAdjustmentType = (typeof INVENTORY_ADJUSTMENT_TYPES)[number];

export const COMPENSATION_TYPES = [
  'RELEASE_ALLOCATION',
  'RECALL_FROM_WAREHOUSE',
  'RETURN_TO_STOCK',
  'ISSUE_REFUND',
  'REFUND_POINTS',
  'NOTIFY_CUSTOMER',
  'CREATE_RETURN',
] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

export type CompensationMode = 'AUTOMATIC' | 'MANUAL';

export interface StagePolicy {
  stage: FulfilmentStage;
  /** false → the units cannot be cancelled; they come back only through a return. */
  cancelInPlace: boolean;
  approval: ApproverLevel | null;
  inventory: InventoryAdjustmentType | null;
  /**
   * Used instead of `inventory` when the cancelled goods are damaged; null
   * means damage changes nothing at this stage (goods were never handled).
   */
  damagedInventory: InventoryAdjustmentType | null;
  compensation: { type: CompensationType; mode: CompensationMode } | null;
}

export type StagePolicyTable = Readonly<Record<FulfilmentStage, StagePolicy>>;

// Manual = waits for a person or an integration to confirm (someone has to
// physically fetch goods); automatic = the job runner can do it alone.
const COMPENSATION_MODES: Readonly<Record<CompensationType, CompensationMode>> = {
  RELEASE_ALLOCATION: 'AUTOMATIC',
  RECALL_FROM_WAREHOUSE: 'MANUAL',
  RETURN_TO_STOCK: 'MANUAL',
  ISSUE_REFUND: 'AUTOMATIC',
  REFUND_POINTS: 'AUTOMATIC',
  NOTIFY_CUSTOMER: 'AUTOMATIC',
  CREATE_RETURN: 'MANUAL',
};

export function compensationModeOf(type: CompensationType): CompensationMode {
  return COMPENSATION_MODES[type];
}

function comp(type: CompensationType): { type: CompensationType; mode: CompensationMode } {
  return { type, mode: compensationModeOf(type) };
}

function freezePolicy(p: StagePolicy): StagePolicy {
  if (p.compensation) Object.freeze(p.compensation);
  return Object.freeze(p);
}

// Frozen deeply so no caller can alter the shared default by accident.
export const DEFAULT_STAGE_POLICY: StagePolicyTable = Object.freeze({
  OPEN: freezePolicy({
    stage: 'OPEN',
    cancelInPlace: true,
    approval: null,
    inventory: null,
    damagedInventory: null,
    compensation: null,
  }),
  ALLOCATED: freezePolicy({
    stage: 'ALLOCATED',
    cancelInPlace: true,
    approval: null,
    inventory: 'DEALLOCATION',
    damagedInventory: 'WRITE_OFF',
    compensation: comp('RELEASE_ALLOCATION'),
  }),
  RELEASED: freezePolicy({
    stage: 'RELEASED',
    cancelInPlace: true,
    approval: 'SUPERVISOR',
    inventory: 'RELEASE_RESERVATION',
    damagedInventory: 'WRITE_OFF',
    compensation: comp('RECALL_FROM_WAREHOUSE'),
  }),
  PICKED: freezePolicy({
    stage: 'PICKED',
    cancelInPlace: true,
    approval: 'MANAGER',
    inventory: 'RETURN_TO_AVAILABLE',
    damagedInventory: 'WRITE_OFF',
    compensation: comp('RETURN_TO_STOCK'),
  }),
  PACKED: freezePolicy({
    stage: 'PACKED',
    cancelInPlace: true,
    approval: 'MANAGER',
    inventory: 'RETURN_TO_AVAILABLE',
    damagedInventory: 'WRITE_OFF',
    compensation: comp('RETURN_TO_STOCK'),
  }),
  // Shipped goods are out of our hands: inventory moves only on return
  // receipt, and the original order is never altered (a RETURN order is).
  SHIPPED: freezePolicy({
    stage: 'SHIPPED',
    cancelInPlace: false,
    approval: 'DIRECTOR',
    inventory: null,
    damagedInventory: null,
    compensation: comp('CREATE_RETURN'),
  }),
  DELIVERED: freezePolicy({
    stage: 'DELIVERED',
    cancelInPlace: false,
    approval: 'DIRECTOR',
    inventory: null,
    damagedInventory: null,
    compensation: comp('CREATE_RETURN'),
  }),
});

/**
 * The order in which units of a line are taken for cancellation: least
 * progressed first (cheapest to undo), the not-in-place stages last.
 */
export const CANCEL_ORDER_OF_STAGES: readonly FulfilmentStage[] = Object.freeze([
  'OPEN',
  'ALLOCATED',
  'RELEASED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
] as const);

/** The inventory adjustment for cancelling units of this stage (null: none). */
export function inventoryAdjustmentFor(policy: StagePolicy, damaged: boolean): InventoryAdjustmentType | null {
  return damaged ? (policy.damagedInventory ?? policy.inventory) : policy.inventory;
}
