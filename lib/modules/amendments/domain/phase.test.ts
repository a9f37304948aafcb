import { describe, expect, it } from 'vitest';
import { FULFILMENT_STAGES } from '../../orders/domain/buckets.ts';
import { counts } from './fixtures.ts';
import { isFinished, linePhase, orderPhase, PHASE_OF_STAGE, phaseOfStages } from './phase.ts';

describe('phase', () => {
  it('groups the stages as SPEC §6 says', () => {
    expect(FULFILMENT_STAGES.map((s) => PHASE_OF_STAGE[s])).toEqual([
      'BEFORE_RELEASE',
      'BEFORE_RELEASE',
      'RELEASED',
      'IN_WAREHOUSE',
      'IN_WAREHOUSE',
      'SHIPPED',
      'SHIPPED',
    ]);
  });

  it('a line takes the most advanced stage among its units', () => {
    expect(linePhase(counts({ OPEN: 3, ALLOCATED: 2 }))).toBe('BEFORE_RELEASE');
    expect(linePhase(counts({ OPEN: 3, RELEASED: 1 }))).toBe('RELEASED');
    expect(linePhase(counts({ OPEN: 3, PACKED: 1 }))).toBe('IN_WAREHOUSE');
    expect(linePhase(counts({ OPEN: 3, DELIVERED: 1 }))).toBe('SHIPPED');
  });

  it('ignores cancelled and returned units', () => {
    expect(linePhase(counts({ OPEN: 1, CANCELLED: 4, RETURNED: 2 }))).toBe('BEFORE_RELEASE');
    expect(orderPhase([counts({ CANCELLED: 5 }), counts({ ALLOCATED: 1 })])).toBe('BEFORE_RELEASE');
  });

  it('the order takes the most advanced phase of its lines', () => {
    expect(orderPhase([counts({ OPEN: 1 }), counts({ PICKED: 1 }), counts({ RELEASED: 2 })])).toBe('IN_WAREHOUSE');
  });

  it('nothing left (all cancelled or returned) is finished and takes the SHIPPED column', () => {
    expect(linePhase(counts({ CANCELLED: 5 }))).toBe('SHIPPED');
    expect(orderPhase([counts({ CANCELLED: 2 }), counts({ RETURNED: 1, CANCELLED: 1 })])).toBe('SHIPPED');
    expect(isFinished([counts({ CANCELLED: 2 }), counts({ RETURNED: 1 })])).toBe(true);
    expect(isFinished([counts({ CANCELLED: 2 }), counts({ SHIPPED: 1 })])).toBe(false);
    expect(phaseOfStages({})).toBe('SHIPPED');
  });
});
