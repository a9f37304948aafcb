import { describe, expect, it } from 'vitest';
import { countsFromPartial, type BucketCounts } from '../../orders/domain/buckets.ts';
import { assessCancellation, type AssessInput, type AssessLine } from './assess.ts';

// A cancellation may name the stage its units come from (a seller writing off damaged packed
// units while open ones stay); without it the least progressed units go first.

function line(counts: Partial<BucketCounts>): AssessLine {
  const c = countsFromPartial(counts);
  const quantity = Object.values(c).reduce((a, b) => a + b, 0);
  return { id: 'l1', lineNumber: 1, sku: 'SKU-1', quantity, unitPrice: 2000, taxAmount: 1000, shippingAmount: 0, discountAmount: 0, counts: c };
}

const input = (requested: AssessInput['requested'], damaged = false): AssessInput => ({
  lines: [line({ OPEN: 2, ALLOCATED: 1, PACKED: 2, SHIPPED: 1 })],
  requested,
  tenders: [{ id: 't', method: 'CARD', amount: 12000, refunded: 0 }],
  orderRefundedTotal: 0,
  damaged,
});

describe('cancelling from a chosen stage', () => {
  it('takes every unit from the named stage, with that stage’s approval, inventory and task', () => {
    const r = assessCancellation(input([{ orderLineId: 'l1', quantity: 2, stage: 'PACKED' }], true));
    if (!r.ok) throw new Error(r.code);
    expect(r.assessment.lines[0]).toMatchObject({ cancelQuantity: 2, byStage: { PACKED: 2 }, blocked: 0 });
    expect(r.assessment.inventory).toEqual([{ orderLineId: 'l1', stage: 'PACKED', type: 'WRITE_OFF', quantity: 2 }]);
    expect(r.assessment.requiredApprovals.map((a) => a.level)).toEqual(['MANAGER']);
    expect(r.assessment.refund.total).toBe(4333); // 2 × 20.00 + 2/6 of the line’s 10.00 tax
  });

  it('without a stage takes the least progressed units first', () => {
    const r = assessCancellation(input([{ orderLineId: 'l1', quantity: 2 }]));
    if (!r.ok) throw new Error(r.code);
    expect(r.assessment.lines[0]!.byStage).toEqual({ OPEN: 2 });
    expect(r.assessment.requiredApprovals).toEqual([]);
  });

  it('a shipped stage is blocked (a return), never cancelled in place', () => {
    const r = assessCancellation(input([{ orderLineId: 'l1', quantity: 1, stage: 'SHIPPED' }]));
    if (!r.ok) throw new Error(r.code);
    expect(r.assessment.lines[0]).toMatchObject({ cancelQuantity: 0, blocked: 1, blockedByStage: { SHIPPED: 1 } });
  });

  it('refuses more units than the stage holds, naming the stage', () => {
    const r = assessCancellation(input([{ orderLineId: 'l1', quantity: 2, stage: 'ALLOCATED' }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('OVER_CANCEL');
    expect(r.errors).toEqual([{ path: 'scope.lines[0].quantity', message: 'Cannot cancel 2 unit(s) of line 1: only 1 allocated can be cancelled' }]);
  });

  it('refuses an unknown stage as invalid input', () => {
    const r = assessCancellation(input([{ orderLineId: 'l1', quantity: 1, stage: 'LOST' as never }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.errors[0]!.path).toBe('scope.lines[0].stage');
  });
});
