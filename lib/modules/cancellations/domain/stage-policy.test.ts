import { describe, expect, it } from 'vitest';
import { FULFILMENT_STAGES } from '../../orders/domain/buckets.ts';
import {
  CANCEL_ORDER_OF_STAGES,
  COMPENSATION_TYPES,
  DEFAULT_STAGE_POLICY,
  compensationModeOf,
  inventoryAdjustmentFor,
} from './stage-policy.ts';

describe('DEFAULT_STAGE_POLICY (SPEC §4.2)', () => {
  it('has one entry per fulfilment stage, keyed by its own stage', () => {
    expect(Object.keys(DEFAULT_STAGE_POLICY).sort()).toEqual([...FULFILMENT_STAGES].sort());
    for (const s of FULFILMENT_STAGES) expect(DEFAULT_STAGE_POLICY[s].stage).toBe(s);
  });

  it('matches the table row by row', () => {
    const row = (s: keyof typeof DEFAULT_STAGE_POLICY) => {
      const p = DEFAULT_STAGE_POLICY[s];
      const c = p.compensation;
      return [p.cancelInPlace, p.approval, p.inventory, p.damagedInventory, c?.type ?? null, c?.mode ?? null];
    };
    expect(row('OPEN')).toEqual([true, null, null, null, null, null]);
    expect(row('ALLOCATED')).toEqual([true, null, 'DEALLOCATION', 'WRITE_OFF', 'RELEASE_ALLOCATION', 'AUTOMATIC']);
    expect(row('RELEASED')).toEqual([
      true,
      'SUPERVISOR',
      'RELEASE_RESERVATION',
      'WRITE_OFF',
      'RECALL_FROM_WAREHOUSE',
      'MANUAL',
    ]);
    expect(row('PICKED')).toEqual([true, 'MANAGER', 'RETURN_TO_AVAILABLE', 'WRITE_OFF', 'RETURN_TO_STOCK', 'MANUAL']);
    expect(row('PACKED')).toEqual([true, 'MANAGER', 'RETURN_TO_AVAILABLE', 'WRITE_OFF', 'RETURN_TO_STOCK', 'MANUAL']);
    expect(row('SHIPPED')).toEqual([false, 'DIRECTOR', null, null, 'CREATE_RETURN', 'MANUAL']);
    expect(row('DELIVERED')).toEqual([false, 'DIRECTOR', null, null, 'CREATE_RETURN', 'MANUAL']);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(DEFAULT_STAGE_POLICY)).toBe(true);
    for (const s of FULFILMENT_STAGES) {
      expect(Object.isFrozen(DEFAULT_STAGE_POLICY[s])).toBe(true);
      const c = DEFAULT_STAGE_POLICY[s].compensation;
      if (c) expect(Object.isFrozen(c)).toBe(true);
    }
  });

  it('compensation modes agree with compensationModeOf', () => {
    for (const s of FULFILMENT_STAGES) {
      const c = DEFAULT_STAGE_POLICY[s].compensation;
      if (c) expect(c.mode).toBe(compensationModeOf(c.type));
    }
  });
});

describe('compensationModeOf', () => {
  it.each([
    ['ISSUE_REFUND', 'AUTOMATIC'],
    ['REFUND_POINTS', 'AUTOMATIC'],
    ['RELEASE_ALLOCATION', 'AUTOMATIC'],
    ['NOTIFY_CUSTOMER', 'AUTOMATIC'],
    ['RECALL_FROM_WAREHOUSE', 'MANUAL'],
    ['RETURN_TO_STOCK', 'MANUAL'],
    ['CREATE_RETURN', 'MANUAL'],
  ] as const)('%s → %s', (t, m) => {
    expect(compensationModeOf(t)).toBe(m);
  });

  it('covers every compensation type', () => {
    for (const t of COMPENSATION_TYPES) expect(['AUTOMATIC', 'MANUAL']).toContain(compensationModeOf(t));
  });
});

describe('CANCEL_ORDER_OF_STAGES', () => {
  it('is least progressed first and lists every stage once', () => {
    expect(CANCEL_ORDER_OF_STAGES).toEqual([
      'OPEN',
      'ALLOCATED',
      'RELEASED',
      'PICKED',
      'PACKED',
      'SHIPPED',
      'DELIVERED',
    ]);
  });
});

describe('inventoryAdjustmentFor', () => {
  it('writes off damaged units of every warehouse stage', () => {
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.PICKED, false)).toBe('RETURN_TO_AVAILABLE');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.PICKED, true)).toBe('WRITE_OFF');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.PACKED, true)).toBe('WRITE_OFF');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.ALLOCATED, true)).toBe('WRITE_OFF');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.ALLOCATED, false)).toBe('DEALLOCATION');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.RELEASED, true)).toBe('WRITE_OFF');
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.OPEN, true)).toBeNull();
    expect(inventoryAdjustmentFor(DEFAULT_STAGE_POLICY.SHIPPED, false)).toBeNull();
  });
});
