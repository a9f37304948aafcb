import { describe, expect, it } from 'vitest';
import { autoApproves, evaluateApprovalRules, highestLevel, matchRule, type ApprovalFacts } from './evaluate.ts';
import type { ApprovalRule, ApprovalRuleInput } from './rules.ts';
import { DEFAULT_APPROVAL_RULES } from './default-rules.ts';

const facts = (over: Partial<ApprovalFacts> = {}): ApprovalFacts => ({
  requestType: 'CUSTOMER_REQUEST',
  currency: 'USD',
  orderValue: 10_000,
  units: 1,
  unitsByStage: { OPEN: 1 },
  blockedByStage: {},
  customerType: 'STANDARD',
  categories: ['KITCHEN'],
  orderAgeMinutes: 5,
  ...over,
});

let seq = 0;
function rule(input: Partial<ApprovalRuleInput> & Pick<ApprovalRuleInput, 'type' | 'criteria'>, priority = 10): ApprovalRule {
  return {
    name: `rule ${++seq}`,
    level: 'MANAGER',
    active: true,
    autoApprove: null,
    onExpiry: 'ESCALATE',
    onFinalExpiry: 'EXPIRE',
    expiresAfterMinutes: null,
    ...input,
    id: `r${seq}`,
    priority,
  } as ApprovalRule;
}

describe('ORDER_VALUE_THRESHOLD', () => {
  const r = rule({ type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: 50_000 } });
  it('matches at exactly 500.00', () => {
    expect(matchRule(r, facts({ orderValue: 50_000 }))).toBe('Order value $500.00 is at least $500.00');
  });
  it('does not match at 499.99', () => {
    expect(matchRule(r, facts({ orderValue: 49_999 }))).toBeNull();
  });
  it('matches above', () => {
    expect(matchRule(r, facts({ orderValue: 50_001 }))).not.toBeNull();
  });
  it('a zero threshold matches every order, even a free one', () => {
    expect(matchRule(rule({ type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: 0 } }), facts({ orderValue: 0 }))).not.toBeNull();
  });
});

describe('QUANTITY_THRESHOLD', () => {
  const r = rule({ type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 10 } });
  it('matches at exactly 10 units and not at 9', () => {
    expect(matchRule(r, facts({ units: 10 }))).toBe('10 unit(s) requested, at least 10');
    expect(matchRule(r, facts({ units: 9 }))).toBeNull();
  });
});

describe('FULFILLMENT_STAGE', () => {
  const inPlace = rule({ type: 'FULFILLMENT_STAGE', criteria: { stages: ['PICKED', 'PACKED'], includeBlocked: false } });
  const anyShipped = rule({ type: 'FULFILLMENT_STAGE', criteria: { stages: ['SHIPPED', 'DELIVERED'], includeBlocked: true } });
  it('matches when one unit is at a named stage, not when none is', () => {
    expect(matchRule(inPlace, facts({ units: 1, unitsByStage: { PACKED: 1 } }))).toBe('1 PACKED unit(s) affected');
    expect(matchRule(inPlace, facts({ units: 3, unitsByStage: { OPEN: 2, RELEASED: 1 } }))).toBeNull();
  });
  it('names every stage hit and counts all their units', () => {
    expect(matchRule(inPlace, facts({ units: 5, unitsByStage: { PICKED: 2, PACKED: 3 } }))).toBe('5 PICKED/PACKED unit(s) affected');
  });
  it('counts blocked units only when the rule says so', () => {
    const f = facts({ units: 3, unitsByStage: { OPEN: 1 }, blockedByStage: { SHIPPED: 2 } });
    expect(matchRule(anyShipped, f)).toBe('2 SHIPPED unit(s) affected');
    const shippedInPlace = rule({ type: 'FULFILLMENT_STAGE', criteria: { stages: ['SHIPPED'], includeBlocked: false } });
    expect(matchRule(shippedInPlace, f)).toBeNull();
  });
  it('a zero count at a named stage is no match', () => {
    expect(matchRule(inPlace, facts({ unitsByStage: { OPEN: 1, PICKED: 0 } }))).toBeNull();
  });
});

describe('CUSTOMER_TYPE and ITEM_CATEGORY', () => {
  it('customer type must be one of the listed ones, exactly', () => {
    const r = rule({ type: 'CUSTOMER_TYPE', criteria: { customerTypes: ['VIP', 'B2B'] } });
    expect(matchRule(r, facts({ customerType: 'VIP' }))).toBe('Customer type VIP');
    expect(matchRule(r, facts({ customerType: 'vip' }))).toBeNull();
    expect(matchRule(r, facts({ customerType: 'STANDARD' }))).toBeNull();
  });
  it('any affected item in a listed category matches', () => {
    const r = rule({ type: 'ITEM_CATEGORY', criteria: { categories: ['OUTDOOR', 'GARDEN'] } });
    expect(matchRule(r, facts({ categories: ['KITCHEN', 'OUTDOOR'] }))).toBe('Items in category OUTDOOR');
    expect(matchRule(r, facts({ categories: ['KITCHEN'] }))).toBeNull();
    expect(matchRule(r, facts({ categories: [] }))).toBeNull();
  });
});

describe('auto-approval conditions', () => {
  it('no conditions never auto-approve', () => {
    expect(autoApproves(null, facts())).toBe(false);
  });
  it('request type must be listed', () => {
    expect(autoApproves({ requestTypes: ['CUSTOMER_REQUEST'] }, facts())).toBe(true);
    expect(autoApproves({ requestTypes: ['CUSTOMER_REQUEST'] }, facts({ requestType: 'FRAUD_PREVENTION' }))).toBe(false);
  });
  it('all units open: one allocated or blocked unit is enough to refuse', () => {
    expect(autoApproves({ allUnitsOpen: true }, facts({ units: 2, unitsByStage: { OPEN: 2 } }))).toBe(true);
    expect(autoApproves({ allUnitsOpen: true }, facts({ units: 2, unitsByStage: { OPEN: 1, ALLOCATED: 1 } }))).toBe(false);
    expect(autoApproves({ allUnitsOpen: true }, facts({ units: 2, unitsByStage: { OPEN: 1 }, blockedByStage: { SHIPPED: 1 } }))).toBe(false);
    expect(autoApproves({ allUnitsOpen: true }, facts({ units: 0, unitsByStage: {} }))).toBe(false);
  });
  it('order age: strictly younger than N minutes', () => {
    expect(autoApproves({ orderYoungerThanMinutes: 30 }, facts({ orderAgeMinutes: 29 }))).toBe(true);
    expect(autoApproves({ orderYoungerThanMinutes: 30 }, facts({ orderAgeMinutes: 30 }))).toBe(false);
  });
  it('every given condition must hold', () => {
    const c = { requestTypes: ['CUSTOMER_REQUEST' as const], allUnitsOpen: true as const, orderYoungerThanMinutes: 30 };
    expect(autoApproves(c, facts())).toBe(true);
    expect(autoApproves(c, facts({ orderAgeMinutes: 31 }))).toBe(false);
    expect(autoApproves(c, facts({ requestType: 'BUSINESS_RULE' }))).toBe(false);
    expect(autoApproves(c, facts({ unitsByStage: { PICKED: 1 } }))).toBe(false);
  });
});

describe('evaluateApprovalRules', () => {
  const value = rule({ type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: 50_000 }, level: 'MANAGER' }, 20);
  const shipped = rule({ type: 'FULFILLMENT_STAGE', criteria: { stages: ['SHIPPED'], includeBlocked: true }, level: 'DIRECTOR', expiresAfterMinutes: 60 }, 10);
  const bulk = rule({ type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 10 }, level: 'SUPERVISOR' }, 30);
  const highShipped = facts({ orderValue: 80_000, units: 3, unitsByStage: { OPEN: 1 }, blockedByStage: { SHIPPED: 2 } });

  it('no rules, or none matching: nothing required', () => {
    expect(evaluateApprovalRules(facts(), [])).toEqual({ required: [], autoApproved: [] });
    expect(evaluateApprovalRules(facts(), [value, shipped, bulk])).toEqual({ required: [], autoApproved: [] });
  });

  it('every matching rule yields one task naming its rule, in priority order', () => {
    const { required } = evaluateApprovalRules(highShipped, [bulk, value, shipped]);
    expect(required.map((t) => [t.ruleId, t.level, t.expiresAfterMinutes])).toEqual([
      [shipped.id, 'DIRECTOR', 60],
      [value.id, 'MANAGER', null],
    ]);
    expect(required[1]!.reason).toBe(`${value.name}: Order value $800.00 is at least $500.00, requires MANAGER approval`);
    expect(highestLevel(required)).toBe('DIRECTOR');
  });

  it('priorities decide the order; equal priorities fall back to the id, never to input order', () => {
    const a = { ...value, id: 'b', priority: 5 };
    const b = { ...shipped, id: 'a', priority: 5 };
    const one = evaluateApprovalRules(highShipped, [a, b]).required.map((t) => t.ruleId);
    const two = evaluateApprovalRules(highShipped, [b, a]).required.map((t) => t.ruleId);
    expect(one).toEqual(['a', 'b']);
    expect(two).toEqual(one);
  });

  it('two rules at the same level make two tasks', () => {
    const vip = rule({ type: 'CUSTOMER_TYPE', criteria: { customerTypes: ['VIP'] }, level: 'MANAGER' }, 40);
    const { required } = evaluateApprovalRules(facts({ orderValue: 50_000, customerType: 'VIP' }), [value, vip]);
    expect(required.map((t) => t.level)).toEqual(['MANAGER', 'MANAGER']);
  });

  it('inactive rules are ignored', () => {
    expect(evaluateApprovalRules(highShipped, [{ ...value, active: false }]).required).toEqual([]);
  });

  it('an auto-approved rule is reported and creates no task; the others still do', () => {
    const autoValue = { ...value, autoApprove: { requestTypes: ['CUSTOMER_REQUEST' as const], allUnitsOpen: true as const } };
    const open = facts({ orderValue: 60_000, units: 12, unitsByStage: { OPEN: 12 } });
    const r = evaluateApprovalRules(open, [autoValue, bulk]);
    expect(r.required.map((t) => t.ruleId)).toEqual([bulk.id]);
    expect(r.autoApproved).toEqual([{ ruleId: value.id, ruleName: value.name, level: 'MANAGER', reason: 'Order value $600.00 is at least $500.00: auto-approved' }]);
    // The same request made by the seller is not the customer's own: it needs the manager.
    expect(evaluateApprovalRules({ ...open, requestType: 'INVENTORY_SHORTAGE' }, [autoValue]).required).toHaveLength(1);
  });
});

describe('default rules (SPEC §5 + §4.2)', () => {
  const levels = (f: ApprovalFacts) => evaluateApprovalRules(f, DEFAULT_APPROVAL_RULES).required.map((t) => [t.ruleId, t.level]);
  /** A buyer's own request, every unit still open: the case no default may wave through. */
  const own = (over: Partial<ApprovalFacts>) => facts({ requestType: 'CUSTOMER_REQUEST', ...over });

  it('are the §5 rules then the §4.2 stage rules, with stable ids, priorities 10…60 and no auto-approval', () => {
    expect(DEFAULT_APPROVAL_RULES.map((r) => [r.id, r.priority, r.name, r.level, r.criteria])).toEqual([
      ['DEFAULT_ORDER_VALUE', 10, 'High-value orders', 'MANAGER', { minOrderValue: 50_000 }],
      ['DEFAULT_SHIPPED_DELIVERED', 20, 'Shipped or delivered goods', 'DIRECTOR', { stages: ['SHIPPED', 'DELIVERED'], includeBlocked: true }],
      ['DEFAULT_QUANTITY', 30, 'Bulk cancellations', 'SUPERVISOR', { minUnits: 10 }],
      ['STAGE_RELEASED', 40, 'Released units', 'SUPERVISOR', { stages: ['RELEASED'], includeBlocked: false }],
      ['STAGE_PICKED_PACKED', 50, 'Picked or packed units', 'MANAGER', { stages: ['PICKED', 'PACKED'], includeBlocked: false }],
      ['STAGE_SHIPPED_DELIVERED', 60, 'Shipped or delivered units', 'DIRECTOR', { stages: ['SHIPPED', 'DELIVERED'], includeBlocked: false }],
    ]);
    expect(DEFAULT_APPROVAL_RULES.every((r) => r.active && r.autoApprove === null)).toBe(true);
  });

  it('order value 500.00 → MANAGER, 499.99 → nothing, even for the customer\'s own request of open units', () => {
    expect(levels(own({ orderValue: 50_000, units: 1, unitsByStage: { OPEN: 1 } }))).toEqual([['DEFAULT_ORDER_VALUE', 'MANAGER']]);
    expect(levels(own({ orderValue: 49_999, units: 1, unitsByStage: { OPEN: 1 } }))).toEqual([]);
    expect(evaluateApprovalRules(own({ orderValue: 50_000, units: 1, unitsByStage: { OPEN: 1 } }), DEFAULT_APPROVAL_RULES).autoApproved).toEqual([]);
  });

  it('10 units → SUPERVISOR, 9 → nothing, even for the customer\'s own request of open units', () => {
    expect(levels(own({ units: 10, unitsByStage: { OPEN: 10 } }))).toEqual([['DEFAULT_QUANTITY', 'SUPERVISOR']]);
    expect(levels(own({ units: 9, unitsByStage: { OPEN: 9 } }))).toEqual([]);
  });

  it('both thresholds → two tasks; the request type never matters', () => {
    for (const requestType of ['CUSTOMER_REQUEST', 'INVENTORY_SHORTAGE', 'BUSINESS_RULE']) {
      expect(levels(facts({ requestType, orderValue: 50_000, units: 10, unitsByStage: { OPEN: 10 } })), requestType).toEqual([
        ['DEFAULT_ORDER_VALUE', 'MANAGER'],
        ['DEFAULT_QUANTITY', 'SUPERVISOR'],
      ]);
    }
  });

  it('shipped units to return → DIRECTOR; released + packed in place → SUPERVISOR and MANAGER', () => {
    expect(levels(facts({ units: 2, unitsByStage: {}, blockedByStage: { DELIVERED: 2 } }))).toEqual([['DEFAULT_SHIPPED_DELIVERED', 'DIRECTOR']]);
    expect(levels(facts({ units: 4, unitsByStage: { RELEASED: 1, PACKED: 1 }, blockedByStage: { SHIPPED: 2 } }))).toEqual([
      ['DEFAULT_SHIPPED_DELIVERED', 'DIRECTOR'],
      ['STAGE_RELEASED', 'SUPERVISOR'],
      ['STAGE_PICKED_PACKED', 'MANAGER'],
    ]);
    expect(levels(facts({ requestType: 'BUSINESS_RULE', orderValue: 50_000, units: 10, unitsByStage: { OPEN: 8 }, blockedByStage: { DELIVERED: 2 } })).map(([, l]) => l)).toEqual([
      'MANAGER',
      'DIRECTOR',
      'SUPERVISOR',
    ]);
  });
});
