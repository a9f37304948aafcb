// The rules that apply before OPS ever stored one (the §4.2 stage defaults, derived from the stage
// policy table so the two can never disagree) and the SPEC §5 defaults the demo data adds.

import type { ApproverLevel } from './levels.ts';
import { CANCEL_ORDER_OF_STAGES, DEFAULT_STAGE_POLICY, type StagePolicyTable } from '../cancellation/stage-policy.ts';
import type { FulfilmentStage } from '../quantity/buckets.ts';
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

/** Built-in rules used while the rule table is empty; their ids are stable keys (`STAGE_RELEASED`, …). */
export const BUILT_IN_RULES: readonly ApprovalRule[] = Object.freeze(
  stageDefaultRules().map((r, i) => {
    const stages = r.type === 'FULFILLMENT_STAGE' ? r.criteria.stages : [];
    return Object.freeze({ ...r, id: `STAGE_${stages.join('_')}`, priority: 100 + i * 10 });
  }),
);

/**
 * SPEC §5's defaults: order value ≥ 500.00 → MANAGER, any SHIPPED/DELIVERED units → DIRECTOR,
 * quantity ≥ 10 → SUPERVISOR. A customer's own request while every unit is still OPEN is
 * auto-approved by the value and quantity rules: nothing has been handled yet, nothing to protect.
 */
export const SPEC_DEFAULT_RULES: readonly ApprovalRuleInput[] = Object.freeze([
  {
    name: 'High-value orders',
    type: 'ORDER_VALUE_THRESHOLD',
    criteria: { minOrderValue: 50_000 },
    level: 'MANAGER',
    active: true,
    autoApprove: { requestTypes: ['CUSTOMER_REQUEST'], allUnitsOpen: true },
    onExpiry: 'ESCALATE',
    onFinalExpiry: 'EXPIRE',
    expiresAfterMinutes: 24 * 60,
  },
  {
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
    name: 'Bulk cancellations',
    type: 'QUANTITY_THRESHOLD',
    criteria: { minUnits: 10 },
    level: 'SUPERVISOR',
    active: true,
    autoApprove: { requestTypes: ['CUSTOMER_REQUEST'], allUnitsOpen: true },
    onExpiry: 'AUTO_APPROVE',
    onFinalExpiry: 'AUTO_APPROVE',
    expiresAfterMinutes: 8 * 60,
  },
] satisfies ApprovalRuleInput[]);

/** What the demo data stores: the §5 defaults, then the §4.2 stage defaults. */
export function demoApprovalRules(): ApprovalRuleInput[] {
  return [...SPEC_DEFAULT_RULES, ...stageDefaultRules()];
}
