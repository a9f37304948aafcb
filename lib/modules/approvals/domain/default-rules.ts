// The default approval rules (SPEC §5 and the §4.2 stage defaults): what a fresh install stores
// and what applies while no rule was ever stored, so behaviour never depends on whether they were.
// None has auto-approval conditions; OPS may add them on the rules page.

import type { ApproverLevel } from '../../../platform/auth/levels.ts';
import { CANCEL_ORDER_OF_STAGES, DEFAULT_STAGE_POLICY, type StagePolicyTable } from '../../cancellations/domain/stage-policy.ts';
import type { FulfilmentStage } from '../../orders/domain/buckets.ts';
import type { ApprovalRule, ApprovalRuleInput } from './rules.ts';

const stageWords = (stages: readonly FulfilmentStage[]) => {
  const text = stages.map((s) => s.toLowerCase()).join(' or ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** One FULFILLMENT_STAGE rule per approval level of the stage table, counting units cancelled in place. */
export function stageDefaultRules(policy: StagePolicyTable = DEFAULT_STAGE_POLICY): ApprovalRuleInput[] {
  const byLevel = new Map<ApproverLevel, FulfilmentStage[]>();
  for (const stage of CANCEL_ORDER_OF_STAGES) {
    const level = policy[stage].approval;
    if (level) byLevel.set(level, [...(byLevel.get(level) ?? []), stage]);
  }
  return [...byLevel.entries()].map(([level, stages]) => ({
    name: `${stageWords(stages)} units`,
    type: 'FULFILLMENT_STAGE',
    criteria: { stages, includeBlocked: false },
    level,
    active: true,
    autoApprove: null,
    onExpiry: 'ESCALATE',
    onFinalExpiry: 'EXPIRE',
    expiresAfterMinutes: null,
  }));
}

/**
 * SPEC §5's defaults: order value ≥ 500.00 → MANAGER, any SHIPPED/DELIVERED units → DIRECTOR,
 * quantity ≥ 10 → SUPERVISOR, whoever requests.
 */
export const SPEC_DEFAULT_RULES: readonly (ApprovalRuleInput & { id: string })[] = Object.freeze([
  {
    id: 'DEFAULT_ORDER_VALUE',
    name: 'High-value orders',
    type: 'ORDER_VALUE_THRESHOLD',
    criteria: { minOrderValue: 50_000 },
    level: 'MANAGER',
    active: true,
    autoApprove: null,
    onExpiry: 'ESCALATE',
    onFinalExpiry: 'EXPIRE',
    expiresAfterMinutes: 24 * 60,
  },
  {
    id: 'DEFAULT_SHIPPED_DELIVERED',
    name: 'Shipped or delivered goods',
    type: 'FULFILLMENT_STAGE',
    criteria: { stages: ['SHIPPED', 'DELIVERED'], includeBlocked: true },
    level: 'DIRECTOR',
    active: true,
    autoApprove: null,
    onExpiry: 'ESCALATE',
    onFinalExpiry: 'EXPIRE',
    expiresAfterMinutes: 24 * 60,
  },
  {
    id: 'DEFAULT_QUANTITY',
    name: 'Bulk cancellations',
    type: 'QUANTITY_THRESHOLD',
    criteria: { minUnits: 10 },
    level: 'SUPERVISOR',
    active: true,
    autoApprove: null,
    onExpiry: 'AUTO_APPROVE',
    onFinalExpiry: 'AUTO_APPROVE',
    expiresAfterMinutes: 8 * 60,
  },
] satisfies (ApprovalRuleInput & { id: string })[]);

/**
 * The full default set in priority order (10, 20, …): the §5 rules, then the §4.2 stage rules.
 * Ids are stable keys (`DEFAULT_ORDER_VALUE`, …, `STAGE_RELEASED`, …): a fresh install stores the
 * rules under them, and they name the rules while none is stored.
 */
export const DEFAULT_APPROVAL_RULES: readonly ApprovalRule[] = Object.freeze(
  [
    ...SPEC_DEFAULT_RULES,
    ...stageDefaultRules().map((r) => ({ ...r, id: `STAGE_${r.type === 'FULFILLMENT_STAGE' ? r.criteria.stages.join('_') : r.level}` })),
  ].map((r, i): ApprovalRule => Object.freeze({ ...r, priority: (i + 1) * 10 })),
);
