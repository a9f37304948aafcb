// Which approvals a change needs (SPEC §5): every active rule whose criteria match the facts of
// the request and its order yields one approval task at the rule's level, unless the rule's
// auto-approval conditions all hold. Pure and generic over what is being approved: a
// cancellation, an amendment or a supplemental order only has to describe itself as facts.

import { approverLevelRank, type ApproverLevel } from '../../../platform/auth/levels.ts';
import type { FulfilmentStage } from '../../orders/domain/buckets.ts';
import { formatMoney } from '../../../platform/money/money.ts';
import type { ApprovalRule, AutoApproveConditions } from './rules.ts';

export interface ApprovalFacts {
  /** CUSTOMER_REQUEST, INVENTORY_SHORTAGE, … */
  requestType: string;
  currency: string;
  /** The order's total in minor units. */
  orderValue: number;
  /** Units the request asks for (cancelled in place plus those that need a return). */
  units: number;
  /** Units affected now, by their fulfilment stage. */
  unitsByStage: Partial<Record<FulfilmentStage, number>>;
  /** Units that cannot be changed in place (e.g. shipped), by stage. */
  blockedByStage: Partial<Record<FulfilmentStage, number>>;
  customerType: string;
  /** Categories of the items the request affects. */
  categories: readonly string[];
  /** Whole minutes since the order was placed. */
  orderAgeMinutes: number;
}

export interface RequiredTask {
  level: ApproverLevel;
  /** Id of the rule that caused the task. */
  ruleId: string;
  ruleName: string;
  reason: string;
  /** The rule's expiry, so the caller can set the task's deadline. */
  expiresAfterMinutes: number | null;
}

export interface AutoApproved {
  ruleId: string;
  ruleName: string;
  level: ApproverLevel;
  reason: string;
}

export interface Evaluation {
  /** In rule priority order. */
  required: RequiredTask[];
  /** Rules that matched but were satisfied by their auto-approval conditions. */
  autoApproved: AutoApproved[];
}

const sum = (m: Partial<Record<string, number>>, keys: readonly string[]) => keys.reduce((n, k) => n + (m[k] ?? 0), 0);

/** Why the rule matches (its reason text), or null when it does not. */
export function matchRule(rule: ApprovalRule, facts: ApprovalFacts): string | null {
  switch (rule.type) {
    case 'ORDER_VALUE_THRESHOLD': {
      const min = rule.criteria.minOrderValue;
      if (facts.orderValue < min) return null;
      return `Order value ${formatMoney(facts.orderValue, facts.currency)} is at least ${formatMoney(min, facts.currency)}`;
    }
    case 'QUANTITY_THRESHOLD': {
      const min = rule.criteria.minUnits;
      if (facts.units < min) return null;
      return `${facts.units} unit(s) requested, at least ${min}`;
    }
    case 'FULFILLMENT_STAGE': {
      const { stages, includeBlocked } = rule.criteria;
      const inPlace = sum(facts.unitsByStage, stages);
      const blocked = includeBlocked ? sum(facts.blockedByStage, stages) : 0;
      if (inPlace + blocked === 0) return null;
      const stagesHit = stages.filter((s) => (facts.unitsByStage[s] ?? 0) + (includeBlocked ? (facts.blockedByStage[s] ?? 0) : 0) > 0);
      return `${inPlace + blocked} ${stagesHit.join('/')} unit(s) affected`;
    }
    case 'CUSTOMER_TYPE': {
      if (!rule.criteria.customerTypes.includes(facts.customerType)) return null;
      return `Customer type ${facts.customerType}`;
    }
    case 'ITEM_CATEGORY': {
      const hit = rule.criteria.categories.filter((c) => facts.categories.includes(c));
      if (!hit.length) return null;
      return `Items in category ${hit.join(', ')}`;
    }
  }
}

/** Every given condition holds (a rule without conditions is never auto-approved). */
export function autoApproves(conditions: AutoApproveConditions | null, facts: ApprovalFacts): boolean {
  if (!conditions) return false;
  if (conditions.requestTypes && !(conditions.requestTypes as readonly string[]).includes(facts.requestType)) return false;
  if (conditions.allUnitsOpen) {
    const all = facts.units;
    if (all === 0 || (facts.unitsByStage.OPEN ?? 0) !== all) return false;
  }
  if (conditions.orderYoungerThanMinutes !== undefined && !(facts.orderAgeMinutes < conditions.orderYoungerThanMinutes)) return false;
  return true;
}

/** Priority ascending (lower number first), then id, so the result never depends on input order. */
export function byPriority(a: ApprovalRule, b: ApprovalRule): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function evaluateApprovalRules(facts: ApprovalFacts, rules: readonly ApprovalRule[]): Evaluation {
  const required: RequiredTask[] = [];
  const autoApproved: AutoApproved[] = [];
  for (const rule of [...rules].sort(byPriority)) {
    if (!rule.active) continue;
    const why = matchRule(rule, facts);
    if (why === null) continue;
    if (autoApproves(rule.autoApprove, facts)) {
      autoApproved.push({ ruleId: rule.id, ruleName: rule.name, level: rule.level, reason: `${why}: auto-approved` });
      continue;
    }
    required.push({
      level: rule.level,
      ruleId: rule.id,
      ruleName: rule.name,
      reason: `${rule.name}: ${why}, requires ${rule.level} approval`,
      expiresAfterMinutes: rule.expiresAfterMinutes,
    });
  }
  return { required, autoApproved };
}

/** The highest level among the required tasks (null when none is needed). */
export function highestLevel(tasks: readonly { level: ApproverLevel }[]): ApproverLevel | null {
  let best: ApproverLevel | null = null;
  for (const t of tasks) if (approverLevelRank(t.level) > approverLevelRank(best)) best = t.level;
  return best;
}
