// The shapes of the cancellation assessment (SPEC §4.3): what goes in (the order's lines, the
// requested scope, the tenders) and what comes out (feasibility, blockers, approvals, the inventory
// and compensation plan, the refund per tender). The stored form is parsed by
// `contracts/assessment.ts`, whose schema is checked against these types at compile time.

import type { ApproverLevel } from '../../../platform/auth/levels.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { LineMoney } from '../../../platform/money/money.ts';
import type { BucketCounts, FulfilmentStage } from '../../orders/domain/buckets.ts';
import type { RefundBreakdown } from './line-refund.ts';
import type {
  CompensationMode,
  CompensationType,
  InventoryAdjustmentType,
  StagePolicyTable,
} from './stage-policy.ts';

export interface AssessLine extends LineMoney {
  id: string;
  lineNumber: number;
  sku: string;
  counts: BucketCounts;
}

export interface AssessTender {
  id: string;
  method: string;
  amount: number;
  refunded: number;
}

export interface AssessInput {
  lines: readonly AssessLine[];
  /** 'ORDER' = everything still outstanding on every line. */
  requested: readonly { orderLineId: string; quantity: number; stage?: FulfilmentStage }[] | 'ORDER';
  tenders: readonly AssessTender[];
  /** The order's cumulative refund before this request. */
  orderRefundedTotal: number;
  /** Goods already handled (picked/packed) are damaged: write off instead of restock. */
  damaged?: boolean;
  policy?: StagePolicyTable;
}

export const FEASIBILITIES = ['FULLY_CANCELLABLE', 'PARTIALLY_CANCELLABLE', 'NOT_CANCELLABLE'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];

export interface Blocker {
  orderLineId: string;
  stage: FulfilmentStage;
  quantity: number;
  reason: 'REQUIRES_RETURN';
  message: string;
}

export interface RequiredApproval {
  level: ApproverLevel;
  /**
   * What asks for the approval: here `STAGE_${stage}` of the most progressed stage that needs
   * this level; the command layer replaces these with the approval rules' verdict (the rule's id).
   */
  rule: string;
  reason: string;
  ruleName?: string;
  /** When the task should expire, from the rule (null: never). */
  expiresAfterMinutes?: number | null;
}

export interface LineImpact {
  orderLineId: string;
  lineNumber: number;
  sku: string;
  requestedQuantity: number;
  /** Units cancelled in place. */
  cancelQuantity: number;
  byStage: Partial<Record<FulfilmentStage, number>>;
  /** Units requested but requiring a return. */
  blocked: number;
  blockedByStage: Partial<Record<FulfilmentStage, number>>;
  refund: RefundBreakdown;
}

export interface InventoryAdjustmentPlan {
  orderLineId: string;
  stage: FulfilmentStage;
  type: InventoryAdjustmentType;
  quantity: number;
}

export interface CompensationPlanItem {
  type: CompensationType;
  mode: CompensationMode;
  /** null for order-level steps (the refund). */
  orderLineId: string | null;
  stage: FulfilmentStage | null;
  quantity: number;
  /** Only on ISSUE_REFUND: the refund total in minor units. */
  amount?: number;
}

export interface TenderRefundPlan {
  tenderId: string;
  method: string;
  amount: number;
}

export interface RefundImpact extends RefundBreakdown {
  byTender: TenderRefundPlan[];
}

export interface Assessment {
  feasibility: Feasibility;
  blockers: Blocker[];
  requiredApprovals: RequiredApproval[];
  /** Rules that matched but whose auto-approval conditions held (set by the command layer). */
  autoApproved?: { rule: string; ruleName: string; level: ApproverLevel; reason: string }[];
  lines: LineImpact[];
  inventory: InventoryAdjustmentPlan[];
  compensation: CompensationPlanItem[];
  refund: RefundImpact;
}

export type AssessErrorCode = 'VALIDATION_FAILED' | 'OVER_CANCEL' | 'NOT_FOUND';

export type AssessResult =
  | { ok: true; assessment: Assessment }
  | { ok: false; errors: FieldError[]; code: AssessErrorCode };
