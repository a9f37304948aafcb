import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { assessAmendment, type AssessAmendmentInput } from './assess.ts';
import { CARD, counts, line, order } from './fixtures.ts';
import { splitCharge } from './money-impact.ts';
import { DEFAULT_SAFETY_MATRIX } from './safety-matrix.ts';

const change = (path: string, oldValue: unknown, newValue: unknown) => ({ path, op: 'REPLACE', oldValue, newValue });
const input = (over: Partial<AssessAmendmentInput> = {}): AssessAmendmentInput => ({
  order: order(),
  changes: [],
  tenders: [CARD],
  orderRefundedTotal: 0,
  ...over,
});
const assess = (over: Partial<AssessAmendmentInput>) => {
  const r = assessAmendment(input(over));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.assessment;
};

describe('assessAmendment', () => {
  it('an address change before release: ALLOWED, nothing to approve, no money, no replanning', () => {
    const a = assess({ changes: [change('/shippingAddress/postalCode', '12930', '12940')] });
    expect(a.feasibility).toBe('ALLOWED');
    expect(a.changes).toEqual([
      expect.objectContaining({
        command: 'ChangeShippingAddress',
        classification: 'FULFILLMENT_ROUTING',
        phase: 'BEFORE_RELEASE',
        safety: 'ALLOWED',
        oldValue: '12930',
        newValue: '12940',
        blocker: null,
      }),
    ]);
    expect(a.requiredApprovals).toEqual([]);
    expect(a.impact).toEqual({ charge: 0, refund: 0, byTender: [{ tenderId: 'T1', method: 'CARD', amount: 0 }], lines: [], replanning: [] });
    expect(a.orderVersion).toBe(3);
  });

  it('an address change with released units: REQUIRES_REPLANNING, a recall per line holding them', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 2, RELEASED: 3 }) }), line('L2', { lineNumber: 2 })] });
    const a = assess({ order: o, changes: [change('/shippingAddress/city', 'Springfield', 'Shelbyville')] });
    expect(a.feasibility).toBe('REQUIRES_REPLANNING');
    expect(a.impact.replanning).toEqual([{ type: 'RECALL_FOR_REROUTE', orderLineId: 'L1', quantity: 3, byStage: { RELEASED: 3 }, changeIndex: 0 }]);
  });

  it('an address change with packed units: MANUAL_REVIEW → a MANAGER approval, and replanning', () => {
    const o = order({ lines: [line('L1', { counts: counts({ RELEASED: 1, PACKED: 4 }) })] });
    const a = assess({ order: o, changes: [change('/shippingAddress/city', 'Springfield', 'Shelbyville')] });
    expect(a.feasibility).toBe('MANUAL_REVIEW');
    expect(a.requiredApprovals).toEqual([{ level: 'MANAGER', rule: 'SAFETY_MATRIX', reason: 'ChangeShippingAddress at IN_WAREHOUSE: MANUAL_REVIEW' }]);
    expect(a.impact.replanning).toEqual([expect.objectContaining({ quantity: 5, byStage: { RELEASED: 1, PACKED: 4 } })]);
  });

  it('a quantity increase: charge with tax share, split by tender, SUPERVISOR when released', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 4, RELEASED: 1 }) })] });
    const tenders = [
      { id: 'T1', method: 'CARD', amount: 8000, refunded: 0 },
      { id: 'T2', method: 'GIFT_CARD', amount: 2000, refunded: 0 },
      { id: 'T3', method: 'POINTS', amount: 1000, refunded: 0 },
    ];
    const a = assess({ order: o, tenders, changes: [change('/lines/L1/quantity', 5, 7)] });
    expect(a.feasibility).toBe('REQUIRES_APPROVAL');
    expect(a.changes[0]).toEqual(expect.objectContaining({ direction: 'INCREASE', phase: 'RELEASED', approvalLevel: 'SUPERVISOR' }));
    expect(a.impact.lines).toEqual([
      {
        orderLineId: 'L1',
        lineNumber: 1,
        quantityDelta: 2,
        merchandise: 4000,
        tax: 400,
        shipping: 0,
        discount: 0,
        total: 4400,
        cancellation: null,
        substitution: null,
      },
    ]);
    expect(a.impact.charge).toBe(4400);
    expect(a.impact.byTender).toEqual([
      { tenderId: 'T1', method: 'CARD', amount: 3520 },
      { tenderId: 'T2', method: 'GIFT_CARD', amount: 880 },
      { tenderId: 'T3', method: 'POINTS', amount: 0 },
    ]);
    expect(a.facts).toEqual({ value: 4400, units: 2 });
    expect(a.impact.replanning).toEqual([]);
  });

  it('a price cut: MANAGER approval and a refund split back to the tenders', () => {
    const a = assess({ changes: [change('/lines/L1/unitPrice', 2000, 1800)] });
    expect(a.feasibility).toBe('REQUIRES_APPROVAL');
    expect(a.requiredApprovals).toEqual([expect.objectContaining({ level: 'MANAGER', rule: 'SAFETY_MATRIX' })]);
    expect(a.impact).toEqual(expect.objectContaining({ charge: 0, refund: 1000, byTender: [{ tenderId: 'T1', method: 'CARD', amount: 1000 }] }));
  });

  it('a decrease leaves its refund to the cancellation engine; its approval comes from the stage policy', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 1, PICKED: 4 }) })] });
    const a = assess({ order: o, changes: [change('/lines/L1/quantity', 5, 3)] });
    // Least progressed first: 1 OPEN and 1 PICKED unit go, so the decrease is IN_WAREHOUSE.
    expect(a.changes[0]).toEqual(expect.objectContaining({ direction: 'DECREASE', phase: 'IN_WAREHOUSE', safety: 'REQUIRES_APPROVAL' }));
    expect(a.requiredApprovals).toEqual([expect.objectContaining({ level: 'MANAGER', rule: 'STAGE_POLICY' })]);
    expect(a.impact.lines[0]).toEqual(expect.objectContaining({ quantityDelta: -2, total: 0, cancellation: { quantity: 2, refund: null } }));
    expect(a.impact.charge + a.impact.refund).toBe(0);
    expect(assess({ changes: [change('/lines/L1/quantity', 5, 4)] }).feasibility).toBe('ALLOWED');
  });

  it('BLOCKED is shown with its blocker (a preview), never throws', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 1, SHIPPED: 4 }) })] });
    const a = assess({
      order: o,
      changes: [change('/lines/L1/quantity', 5, 6), change('/contact/phone', '+1 555 0100', null), change('/deliveryNote', 'Leave at the door', 'x')],
    });
    expect(a.feasibility).toBe('BLOCKED');
    expect(a.blockers).toEqual([
      { changeIndex: 0, path: '/lines/L1/quantity', message: expect.stringMatching(/supplemental order/) },
      { changeIndex: 2, path: '/deliveryNote', message: expect.stringMatching(/is shipped/) },
    ]);
    expect(a.changes.map((c) => c.safety)).toEqual(['BLOCKED', 'ALLOWED', 'BLOCKED']);
  });

  it('an order with nothing left is finished: contact still changes, the rest is refused', () => {
    const o = order({ lines: [line('L1', { counts: counts({ CANCELLED: 5 }) })] });
    expect(assess({ order: o, changes: [change('/contact/phone', '+1 555 0100', null)] }).feasibility).toBe('ALLOWED');
    const a = assess({ order: o, changes: [change('/lines/L1/quantity', 0, 2)] });
    expect(a.blockers).toEqual([expect.objectContaining({ message: expect.stringMatching(/no units left/) })]);
  });

  it('a substitution with released units replans them and carries the line money', () => {
    const o = order({ lines: [line('L1', { counts: counts({ OPEN: 3, RELEASED: 2 }) })] });
    const a = assess({ order: o, changes: [change('/lines/L1/sku', 'SKU-MUG', 'SKU-MUG-BLUE')] });
    expect(a.feasibility).toBe('REQUIRES_REPLANNING');
    expect(a.impact.replanning).toEqual([expect.objectContaining({ type: 'RECALL_FOR_SUBSTITUTION', quantity: 2 })]);
    expect(a.impact.lines[0]!.substitution).toEqual({
      sku: 'SKU-MUG-BLUE',
      line: { quantity: 5, unitPrice: 2000, taxAmount: 1000, shippingAmount: 0, discountAmount: 0 },
    });
  });

  it('returns the rules’ problems instead of an assessment', () => {
    expect(assessAmendment(input({ changes: [change('/deliveryNote', 'old', 'new')] }))).toEqual({
      ok: false,
      code: 'STALE_VALUE',
      errors: [expect.objectContaining({ path: 'changes[0].oldValue' })],
    });
  });

  it('an over-refund is the refund engine’s 409', () => {
    const run = () => assessAmendment(input({ tenders: [{ ...CARD, refunded: 10500 }], changes: [change('/lines/L1/unitPrice', 2000, 1000)] }));
    expect(run).toThrow(DomainError);
  });
});

describe('fingerprint', () => {
  const changes = [change('/shippingAddress/city', 'Springfield', 'Shelbyville'), change('/lines/L1/quantity', 5, 6)];

  it('is the same for the same inputs', () => {
    expect(assess({ changes }).fingerprint).toBe(assess({ changes }).fingerprint);
    expect(assess({ changes }).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any value the assessment read changes', () => {
    const base = assess({ changes }).fingerprint;
    const variants: Partial<AssessAmendmentInput>[] = [
      { order: order({ version: 4 }) },
      { order: order({ lines: [line('L1', { counts: counts({ OPEN: 4, ALLOCATED: 1 }) })] }) },
      { order: order({ lines: [line('L1', { taxAmount: 1001 })] }) },
      { order: order({ shippingAddress: { ...order().shippingAddress!, line2: 'Apt 4' } }) },
      { tenders: [{ ...CARD, refunded: 100 }] },
      { orderRefundedTotal: 100 },
      { matrix: { ...DEFAULT_SAFETY_MATRIX, ChangeShippingAddress: { ...DEFAULT_SAFETY_MATRIX.ChangeShippingAddress, BEFORE_RELEASE: { result: 'MANUAL_REVIEW' } } } },
    ];
    for (const v of variants) expect(assess({ changes, ...v }).fingerprint, JSON.stringify(v)).not.toBe(base);
  });

  it('does not change for values it did not read', () => {
    const base = assess({ changes: [change('/lines/L1/quantity', 5, 6)] }).fingerprint;
    expect(assess({ order: order({ deliveryNote: 'Other' }), changes: [change('/lines/L1/quantity', 5, 6)] }).fingerprint).toBe(base);
  });
});

describe('splitCharge', () => {
  it('splits pro rata to what each tender paid, POINTS only when nothing else paid', () => {
    expect(splitCharge([{ id: 'a', method: 'POINTS', amount: 500, refunded: 0 }], 100)).toEqual([{ tenderId: 'a', method: 'POINTS', amount: 100 }]);
    expect(splitCharge([], 100)).toEqual([]);
    expect(splitCharge([{ id: 'a', method: 'CARD', amount: 0, refunded: 0 }], 100)).toEqual([{ tenderId: 'a', method: 'CARD', amount: 100 }]);
  });
});
