import { describe, expect, it } from 'vitest';
import { parseApprovalRule, ruleFromRow } from './rules.ts';
import { DEFAULT_APPROVAL_RULES } from './default-rules.ts';
import { expiresAt, expiryOutcome, isPastDeadline, nextLevel } from './escalation.ts';

const base = { name: 'High value', level: 'MANAGER' };
const errorsOf = (input: unknown) => {
  const r = parseApprovalRule(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('parseApprovalRule', () => {
  it('accepts each rule type with its criteria and fills the defaults', () => {
    const r = parseApprovalRule({ ...base, type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: 50_000 } });
    expect(r).toEqual({
      ok: true,
      rule: {
        ...base,
        type: 'ORDER_VALUE_THRESHOLD',
        criteria: { minOrderValue: 50_000 },
        active: true,
        autoApprove: null,
        onExpiry: 'ESCALATE',
        onFinalExpiry: 'EXPIRE',
        expiresAfterMinutes: null,
      },
    });
    for (const [type, criteria] of [
      ['QUANTITY_THRESHOLD', { minUnits: 10 }],
      ['FULFILLMENT_STAGE', { stages: ['SHIPPED', 'DELIVERED'], includeBlocked: true }],
      ['CUSTOMER_TYPE', { customerTypes: ['VIP'] }],
      ['ITEM_CATEGORY', { categories: ['OUTDOOR'] }],
    ] as const) {
      expect(parseApprovalRule({ ...base, type, criteria }).ok, type).toBe(true);
    }
  });

  it('every default rule is valid', () => {
    for (const { id, priority, ...input } of DEFAULT_APPROVAL_RULES) expect(parseApprovalRule(input), id).toEqual({ ok: true, rule: input });
  });

  it('criteria of another type are refused field by field', () => {
    expect(errorsOf({ ...base, type: 'ORDER_VALUE_THRESHOLD', criteria: { minUnits: 10 } })).toEqual(
      expect.arrayContaining([
        { path: 'criteria.minOrderValue', message: 'must be an amount in minor units' },
        expect.objectContaining({ path: 'criteria' }),
      ]),
    );
  });

  it('wrong value types, negative and fractional thresholds', () => {
    expect(errorsOf({ ...base, type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: '500' } })).toEqual([
      { path: 'criteria.minOrderValue', message: 'must be an amount in minor units' },
    ]);
    expect(errorsOf({ ...base, type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: -1 } })).toEqual([
      { path: 'criteria.minOrderValue', message: 'must not be negative' },
    ]);
    expect(errorsOf({ ...base, type: 'ORDER_VALUE_THRESHOLD', criteria: { minOrderValue: 499.99 } })).toEqual([
      { path: 'criteria.minOrderValue', message: 'must be a whole number of minor units' },
    ]);
    expect(errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 0 } })).toEqual([
      { path: 'criteria.minUnits', message: 'must be at least 1' },
    ]);
    expect(errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: -3 } })).toEqual([
      { path: 'criteria.minUnits', message: 'must be at least 1' },
    ]);
  });

  it('unknown stages, levels and types', () => {
    expect(errorsOf({ ...base, type: 'FULFILLMENT_STAGE', criteria: { stages: ['SHIPPED', 'LOST'] } })[0]).toMatchObject({
      path: 'criteria.stages[1]',
    });
    expect(errorsOf({ ...base, type: 'FULFILLMENT_STAGE', criteria: { stages: [] } })).toEqual([
      { path: 'criteria.stages', message: 'name at least one stage' },
    ]);
    expect(errorsOf({ ...base, type: 'FULFILLMENT_STAGE', criteria: { stages: ['PACKED', 'PACKED'] } })).toEqual([
      { path: 'criteria.stages', message: 'list each stage once' },
    ]);
    expect(errorsOf({ ...base, level: 'CEO', type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 } })).toEqual([
      { path: 'level', message: 'must be one of SUPERVISOR, MANAGER, DIRECTOR, VP' },
    ]);
    expect(errorsOf({ ...base, type: 'NOT_A_TYPE', criteria: {} })[0]!.path).toBe('type');
    expect(errorsOf({ ...base, type: 'CUSTOMER_TYPE', criteria: { customerTypes: [''] } })).toEqual([
      { path: 'criteria.customerTypes[0]', message: 'must not be empty' },
    ]);
  });

  it('names, expiry and auto-approval conditions', () => {
    expect(errorsOf({ name: ' ', level: 'VP', type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 } })).toEqual([
      { path: 'name', message: 'is required' },
    ]);
    expect(errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 }, expiresAfterMinutes: 0 })).toEqual([
      { path: 'expiresAfterMinutes', message: 'must be at least 1' },
    ]);
    expect(errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 }, onExpiry: 'IGNORE' })[0]!.path).toBe('onExpiry');
    expect(errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 }, autoApprove: {} })).toEqual([
      { path: 'autoApprove', message: 'give at least one condition, or no auto-approval at all' },
    ]);
    expect(
      errorsOf({ ...base, type: 'QUANTITY_THRESHOLD', criteria: { minUnits: 1 }, autoApprove: { requestTypes: ['WHIM'], orderYoungerThanMinutes: -5 } }).map((e) => e.path),
    ).toEqual(['autoApprove.requestTypes[0]', 'autoApprove.orderYoungerThanMinutes']);
  });

  it('a stored row that no longer validates is reported, not matched', () => {
    const row = {
      id: 'r1',
      name: 'x',
      type: 'QUANTITY_THRESHOLD',
      criteria: { minUnits: -1 },
      level: 'MANAGER',
      priority: 1,
      active: true,
      autoApprove: null,
      onExpiry: 'ESCALATE',
      onFinalExpiry: 'EXPIRE',
      expiresAfterMinutes: null,
    };
    expect(() => ruleFromRow(row)).toThrow(/Stored approval rule r1 is invalid: criteria.minUnits must be at least 1/);
    expect(ruleFromRow({ ...row, criteria: { minUnits: 2 } })).toMatchObject({ id: 'r1', priority: 1, criteria: { minUnits: 2 } });
  });
});

describe('escalation', () => {
  it('nextLevel climbs one level at a time and stops at VP', () => {
    expect(nextLevel('SUPERVISOR')).toBe('MANAGER');
    expect(nextLevel('MANAGER')).toBe('DIRECTOR');
    expect(nextLevel('DIRECTOR')).toBe('VP');
    expect(nextLevel('VP')).toBeNull();
    expect(() => nextLevel('CEO' as never)).toThrow(RangeError);
  });

  it('an escalating rule chains up to VP, then takes its final behaviour', () => {
    const chain = (onFinalExpiry: 'EXPIRE' | 'AUTO_APPROVE') => {
      const steps: string[] = [];
      let level = 'SUPERVISOR' as Parameters<typeof nextLevel>[0];
      for (;;) {
        const o = expiryOutcome(level, { onExpiry: 'ESCALATE', onFinalExpiry });
        if (o.kind !== 'ESCALATE') {
          steps.push(o.kind);
          return steps;
        }
        steps.push(o.level);
        level = o.level;
      }
    };
    expect(chain('EXPIRE')).toEqual(['MANAGER', 'DIRECTOR', 'VP', 'EXPIRE']);
    expect(chain('AUTO_APPROVE')).toEqual(['MANAGER', 'DIRECTOR', 'VP', 'AUTO_APPROVE']);
  });

  it('an auto-approving rule approves at the first expiry, whatever the level', () => {
    for (const level of ['SUPERVISOR', 'VP'] as const) {
      expect(expiryOutcome(level, { onExpiry: 'AUTO_APPROVE', onFinalExpiry: 'EXPIRE' })).toEqual({ kind: 'AUTO_APPROVE' });
    }
  });

  it('deadlines: minutes after creation; past at the exact instant', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(expiresAt(t0, null)).toBeNull();
    const due = expiresAt(t0, 90)!;
    expect(due.toISOString()).toBe('2026-01-01T01:30:00.000Z');
    expect(isPastDeadline({ expiresAt: due }, new Date(due.getTime() - 1))).toBe(false);
    expect(isPastDeadline({ expiresAt: due }, due)).toBe(true);
    expect(isPastDeadline({ expiresAt: null }, new Date(8.64e15))).toBe(false);
  });
});
