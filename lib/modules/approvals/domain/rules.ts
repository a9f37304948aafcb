// Approval rules as data (SPEC §5): the shape of a rule, validated per rule type. OPS edits rules
// on a page and the API may later accept them, so every field is checked here, once, and the
// same schema gives the per-field messages the form shows.

import { z } from 'zod';
import { APPROVER_LEVELS, type ApproverLevel } from '../../../platform/auth/levels.ts';
import type { FulfilmentStage } from '../../orders/domain/buckets.ts';
import { CustomerTypeCriteria, ItemCategoryCriteria, OrderValueCriteria, QuantityCriteria, StageCriteria } from './criteria.ts';

export {
  CRITERIA_SCHEMAS,
  CustomerTypeCriteria,
  ItemCategoryCriteria,
  OrderValueCriteria,
  QuantityCriteria,
  RULE_STAGES,
  StageCriteria,
  type CriteriaOf,
} from './criteria.ts';

export const APPROVAL_RULE_TYPES = [
  'ORDER_VALUE_THRESHOLD',
  'QUANTITY_THRESHOLD',
  'FULFILLMENT_STAGE',
  'CUSTOMER_TYPE',
  'ITEM_CATEGORY',
] as const;
export type ApprovalRuleType = (typeof APPROVAL_RULE_TYPES)[number];

/** What happens when a task of the rule is not decided in time. */
export const ON_EXPIRY = ['ESCALATE', 'AUTO_APPROVE'] as const;
export type OnExpiry = (typeof ON_EXPIRY)[number];

/** What happens when an escalating task expires at the top level (VP): nobody is left to ask. */
export const ON_FINAL_EXPIRY = ['EXPIRE', 'AUTO_APPROVE'] as const;
export type OnFinalExpiry = (typeof ON_FINAL_EXPIRY)[number];

/** Request types an auto-approval condition may name (SPEC §4.1). */
export const REQUEST_TYPES = [
  'CUSTOMER_REQUEST',
  'INVENTORY_SHORTAGE',
  'BUSINESS_RULE',
  'SYSTEM_ERROR',
  'FRAUD_PREVENTION',
] as const;

/**
 * The rule is satisfied without anyone signing when every condition given holds (at least one
 * must be given). E.g. a customer's own request while every unit is still OPEN and the order is
 * younger than 30 minutes.
 */
export const AutoApproveConditions = z
  .strictObject({
    requestTypes: z
      .array(z.enum(REQUEST_TYPES, { error: `must be one of ${REQUEST_TYPES.join(', ')}` }))
      .min(1, 'name at least one request type')
      .optional(),
    allUnitsOpen: z.literal(true, { error: 'must be true when given' }).optional(),
    orderYoungerThanMinutes: z
      .number({ error: 'must be a number of minutes' })
      .int('must be a whole number of minutes')
      .positive('must be at least 1')
      .max(525_600, 'must be at most a year')
      .optional(),
  })
  .refine((c) => c.requestTypes !== undefined || c.allUnitsOpen !== undefined || c.orderYoungerThanMinutes !== undefined, {
    message: 'give at least one condition, or no auto-approval at all',
  });
export type AutoApproveConditions = z.infer<typeof AutoApproveConditions>;

const ruleBase = {
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  level: z.enum(APPROVER_LEVELS, { error: `must be one of ${APPROVER_LEVELS.join(', ')}` }),
  active: z.boolean({ error: 'must be true or false' }).default(true),
  autoApprove: AutoApproveConditions.nullable().default(null),
  onExpiry: z.enum(ON_EXPIRY, { error: `must be one of ${ON_EXPIRY.join(', ')}` }).default('ESCALATE'),
  onFinalExpiry: z.enum(ON_FINAL_EXPIRY, { error: `must be one of ${ON_FINAL_EXPIRY.join(', ')}` }).default('EXPIRE'),
  /** null: tasks of the rule never expire. */
  expiresAfterMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .positive('must be at least 1')
    .max(525_600, 'must be at most a year')
    .nullable()
    .default(null),
};

/** A rule as OPS submits it (create or full edit). Criteria are checked against the rule's type. */
export const ApprovalRuleInput = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...ruleBase, type: z.literal('ORDER_VALUE_THRESHOLD'), criteria: OrderValueCriteria }),
    z.strictObject({ ...ruleBase, type: z.literal('QUANTITY_THRESHOLD'), criteria: QuantityCriteria }),
    z.strictObject({ ...ruleBase, type: z.literal('FULFILLMENT_STAGE'), criteria: StageCriteria }),
    z.strictObject({ ...ruleBase, type: z.literal('CUSTOMER_TYPE'), criteria: CustomerTypeCriteria }),
    z.strictObject({ ...ruleBase, type: z.literal('ITEM_CATEGORY'), criteria: ItemCategoryCriteria }),
  ],
  { error: `type must be one of ${APPROVAL_RULE_TYPES.join(', ')}` },
);
export type ApprovalRuleInput = z.infer<typeof ApprovalRuleInput>;

/** A stored (or default) rule, as the evaluator sees it. */
export type ApprovalRule = ApprovalRuleInput & {
  id: string;
  priority: number;
};

export interface FieldIssue {
  path: string;
  message: string;
}

/** zod issues → `criteria.minOrderValue`-style paths, the shape forms and problem+json use. */
export function ruleIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replaceAll('.[', '[') : 'rule',
    message: i.message,
  }));
}

export function parseApprovalRule(
  input: unknown,
): { ok: true; rule: ApprovalRuleInput } | { ok: false; errors: FieldIssue[] } {
  const r = ApprovalRuleInput.safeParse(input);
  return r.success ? { ok: true, rule: r.data } : { ok: false, errors: ruleIssues(r.error) };
}

function isEmptyObject(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

/**
 * Reads a stored row back into a rule; a row that no longer validates (hand-edited data) is
 * reported rather than silently ignored or silently matched.
 */
export function ruleFromRow(row: {
  id: string;
  name: string;
  type: string;
  criteria: unknown;
  level: string;
  priority: number;
  active: boolean;
  autoApprove: unknown;
  onExpiry: string;
  onFinalExpiry: string;
  expiresAfterMinutes: number | null;
}): ApprovalRule {
  const parsed = ApprovalRuleInput.safeParse({
    name: row.name,
    type: row.type,
    criteria: row.criteria,
    level: row.level,
    active: row.active,
    // Stored `{}` (or null) means no auto-approval.
    autoApprove: isEmptyObject(row.autoApprove) ? null : row.autoApprove,
    onExpiry: row.onExpiry,
    onFinalExpiry: row.onFinalExpiry,
    expiresAfterMinutes: row.expiresAfterMinutes,
  });
  if (!parsed.success) {
    throw new Error(`Stored approval rule ${row.id} is invalid: ${ruleIssues(parsed.error).map((i) => `${i.path} ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, id: row.id, priority: row.priority };
}

export type { ApproverLevel, FulfilmentStage };
