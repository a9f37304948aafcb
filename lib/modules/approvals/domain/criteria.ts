// The criteria of each approval rule type (SPEC §5), with the per-field messages the rule form shows.
import { z } from 'zod';
import { FULFILMENT_STAGES } from '../../orders/domain/buckets.ts';
import { MAX_MONEY } from '../../../platform/money/money.ts';

/** Stages a rule may name: the fulfilment stages (CANCELLED units are not affected by anything). */
export const RULE_STAGES = FULFILMENT_STAGES;

const label = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const labels = (what: string) =>
  z
    .array(label, { error: `must be a list of ${what}` })
    .min(1, `name at least one ${what.replace(/s$/, '')}`)
    .max(50)
    .refine((l) => new Set(l).size === l.length, `list each ${what.replace(/s$/, '')} once`);

export const OrderValueCriteria = z.strictObject({
  /** Minimum order total in minor units (e.g. 50000 = 500.00); the rule matches at or above it. */
  minOrderValue: z
    .number({ error: 'must be an amount in minor units' })
    .int('must be a whole number of minor units')
    .nonnegative('must not be negative')
    .max(MAX_MONEY, `must be at most ${MAX_MONEY} minor units`),
});
export const QuantityCriteria = z.strictObject({
  /** Minimum units in the request; matches at or above it. */
  minUnits: z
    .number({ error: 'must be a number of units' })
    .int('must be a whole number of units')
    .positive('must be at least 1')
    .max(1_000_000, 'is too large'),
});
export const StageCriteria = z.strictObject({
  stages: z
    .array(z.enum(RULE_STAGES, { error: `must be one of ${RULE_STAGES.join(', ')}` }), { error: 'must be a list of stages' })
    .min(1, 'name at least one stage')
    .refine((l) => new Set(l).size === l.length, 'list each stage once'),
  /**
   * false: only units cancelled in place count (the §4.2 stage defaults). true: units that can only
   * come back through a return count too ("any SHIPPED/DELIVERED units", SPEC §5).
   */
  includeBlocked: z.boolean({ error: 'must be true or false' }).default(false),
});
export const CustomerTypeCriteria = z.strictObject({ customerTypes: labels('customer types') });
export const ItemCategoryCriteria = z.strictObject({ categories: labels('categories') });

export const CRITERIA_SCHEMAS = {
  ORDER_VALUE_THRESHOLD: OrderValueCriteria,
  QUANTITY_THRESHOLD: QuantityCriteria,
  FULFILLMENT_STAGE: StageCriteria,
  CUSTOMER_TYPE: CustomerTypeCriteria,
  ITEM_CATEGORY: ItemCategoryCriteria,
} as const;

export type CriteriaOf = {
  ORDER_VALUE_THRESHOLD: z.infer<typeof OrderValueCriteria>;
  QUANTITY_THRESHOLD: z.infer<typeof QuantityCriteria>;
  FULFILLMENT_STAGE: z.infer<typeof StageCriteria>;
  CUSTOMER_TYPE: z.infer<typeof CustomerTypeCriteria>;
  ITEM_CATEGORY: z.infer<typeof ItemCategoryCriteria>;
};
