import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { countsFromPartial, type BucketCounts } from '../../orders/domain/buckets.ts';
import { assessCancellation, type AssessInput, type AssessLine, type Assessment } from './assess.ts';
import { DEFAULT_STAGE_POLICY, type StagePolicyTable } from './stage-policy.ts';

function line(id: string, lineNumber: number, counts: Partial<BucketCounts>, money?: Partial<AssessLine>): AssessLine {
  const c = countsFromPartial(counts);
  const quantity = Object.values(c).reduce((a, b) => a + b, 0);
  return {
    id,
    lineNumber,
    sku: `SKU-${lineNumber}`,
    quantity,
    unitPrice: 2000,
    taxAmount: 1000,
    shippingAmount: 0,
    discountAmount: 0,
    counts: c,
    ...money,
  };
}

const card = (amount: number, refunded = 0) => ({ id: 'tender-card', method: 'CARD', amount, refunded });

function ok(input: AssessInput): Assessment {
  const r = assessCancellation(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${JSON.stringify(r.errors)}`);
  return r.assessment;
}

describe('assessCancellation', () => {
  it('before allocation: fully cancellable, no approvals, no inventory, refund only', () => {
    const a = ok({
      lines: [line('l1', 1, { OPEN: 5 })],
      requested: [{ orderLineId: 'l1', quantity: 2 }],
      tenders: [card(11000)],
      orderRefundedTotal: 0,
    });
    expect(a.feasibility).toBe('FULLY_CANCELLABLE');
    expect(a.blockers).toEqual([]);
    expect(a.requiredApprovals).toEqual([]);
    expect(a.inventory).toEqual([]);
    expect(a.lines).toEqual([
      {
        orderLineId: 'l1',
        lineNumber: 1,
        sku: 'SKU-1',
        requestedQuantity: 2,
        cancelQuantity: 2,
        byStage: { OPEN: 2 },
        blocked: 0,
        blockedByStage: {},
        refund: { merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 },
      },
    ]);
    expect(a.compensation).toEqual([
      { type: 'ISSUE_REFUND', mode: 'AUTOMATIC', orderLineId: null, stage: null, quantity: 2, amount: 4400 },
    ]);
    expect(a.refund).toEqual({
      merchandise: 4000,
      tax: 400,
      shipping: 0,
      discount: 0,
      total: 4400,
      byTender: [{ tenderId: 'tender-card', method: 'CARD', amount: 4400 }],
    });
  });

  it('allocated: DEALLOCATION and automatic RELEASE_ALLOCATION', () => {
    const a = ok({
      lines: [line('l1', 1, { OPEN: 1, ALLOCATED: 4 })],
      requested: [{ orderLineId: 'l1', quantity: 3 }],
      tenders: [card(11000)],
      orderRefundedTotal: 0,
    });
    expect(a.feasibility).toBe('FULLY_CANCELLABLE');
    expect(a.lines[0]!.byStage).toEqual({ OPEN: 1, ALLOCATED: 2 });
    expect(a.requiredApprovals).toEqual([]);
    expect(a.inventory).toEqual([{ orderLineId: 'l1', stage: 'ALLOCATED', type: 'DEALLOCATION', quantity: 2 }]);
    expect(a.compensation).toEqual([
      { type: 'RELEASE_ALLOCATION', mode: 'AUTOMATIC', orderLineId: 'l1', stage: 'ALLOCATED', quantity: 2 },
      { type: 'ISSUE_REFUND', mode: 'AUTOMATIC', orderLineId: null, stage: null, quantity: 3, amount: 6600 },
    ]);
  });

  it('released: SUPERVISOR approval, RELEASE_RESERVATION, manual recall', () => {
    const a = ok({
      lines: [line('l1', 1, { RELEASED: 5 })],
      requested: [{ orderLineId: 'l1', quantity: 5 }],
      tenders: [card(11000)],
      orderRefundedTotal: 0,
    });
    expect(a.requiredApprovals).toEqual([
      {
        level: 'SUPERVISOR',
        rule: 'STAGE_RELEASED',
        reason: 'Cancelling 5 RELEASED unit(s) requires SUPERVISOR approval',
      },
    ]);
    expect(a.inventory).toEqual([{ orderLineId: 'l1', stage: 'RELEASED', type: 'RELEASE_RESERVATION', quantity: 5 }]);
    expect(a.compensation[0]).toEqual({
      type: 'RECALL_FROM_WAREHOUSE',
      mode: 'MANUAL',
      orderLineId: 'l1',
      stage: 'RELEASED',
      quantity: 5,
    });
    expect(a.refund.total).toBe(11000);
  });

  it('picked, damaged: WRITE_OFF instead of RETURN_TO_AVAILABLE; MANAGER approval', () => {
    const input: AssessInput = {
      lines: [line('l1', 1, { PICKED: 2, PACKED: 1 })],
      requested: [{ orderLineId: 'l1', quantity: 3 }],
      tenders: [card(7000)],
      orderRefundedTotal: 0,
      damaged: true,
    };
    const a = ok(input);
    expect(a.inventory).toEqual([
      { orderLineId: 'l1', stage: 'PICKED', type: 'WRITE_OFF', quantity: 2 },
      { orderLineId: 'l1', stage: 'PACKED', type: 'WRITE_OFF', quantity: 1 },
    ]);
    expect(a.requiredApprovals).toEqual([
      { level: 'MANAGER', rule: 'STAGE_PACKED', reason: 'Cancelling 1 PACKED unit(s) requires MANAGER approval' },
    ]);
    expect(a.compensation.map((c) => [c.type, c.mode, c.stage, c.quantity])).toEqual([
      ['RETURN_TO_STOCK', 'MANUAL', 'PICKED', 2],
      ['RETURN_TO_STOCK', 'MANUAL', 'PACKED', 1],
      ['ISSUE_REFUND', 'AUTOMATIC', null, 3],
    ]);
    const undamaged = ok({ ...input, damaged: false });
    expect(undamaged.inventory.map((i) => i.type)).toEqual(['RETURN_TO_AVAILABLE', 'RETURN_TO_AVAILABLE']);
  });

  it('3 open + 2 shipped, cancel 5: partially cancellable, refund for 3, no DIRECTOR approval', () => {
    const a = ok({
      lines: [line('l1', 1, { OPEN: 3, SHIPPED: 2 })],
      requested: [{ orderLineId: 'l1', quantity: 5 }],
      tenders: [card(11000)],
      orderRefundedTotal: 0,
    });
    expect(a.feasibility).toBe('PARTIALLY_CANCELLABLE');
    expect(a.blockers).toEqual([
      {
        orderLineId: 'l1',
        stage: 'SHIPPED',
        quantity: 2,
        reason: 'REQUIRES_RETURN',
        message: '2 unit(s) of line 1 (SKU-1) are SHIPPED and can only come back through a return',
      },
    ]);
    expect(a.lines[0]).toMatchObject({ requestedQuantity: 5, cancelQuantity: 3, byStage: { OPEN: 3 }, blocked: 2 });
    expect(a.refund).toMatchObject({ merchandise: 6000, tax: 600, total: 6600 });
    // Blocked units go through a return later, which carries its own approval.
    expect(a.requiredApprovals).toEqual([]);
    expect(a.inventory).toEqual([]);
    expect(a.compensation).toEqual([
      { type: 'ISSUE_REFUND', mode: 'AUTOMATIC', orderLineId: null, stage: null, quantity: 3, amount: 6600 },
      { type: 'CREATE_RETURN', mode: 'MANUAL', orderLineId: 'l1', stage: 'SHIPPED', quantity: 2 },
    ]);
  });

  it('only shipped/delivered units: NOT_CANCELLABLE, no refund task', () => {
    const a = ok({
      lines: [line('l1', 1, { SHIPPED: 1, DELIVERED: 1 })],
      requested: [{ orderLineId: 'l1', quantity: 2 }],
      tenders: [card(4400)],
      orderRefundedTotal: 0,
    });
    expect(a.feasibility).toBe('NOT_CANCELLABLE');
    expect(a.blockers.map((b) => [b.stage, b.quantity])).toEqual([
      ['SHIPPED', 1],
      ['DELIVERED', 1],
    ]);
    expect(a.refund.total).toBe(0);
    expect(a.refund.byTender).toEqual([{ tenderId: 'tender-card', method: 'CARD', amount: 0 }]);
    expect(a.compensation.map((c) => c.type)).toEqual(['CREATE_RETURN', 'CREATE_RETURN']);
    expect(a.requiredApprovals).toEqual([]);
  });

  it('whole-order scope across lines: approvals deduplicated by level, highest stage, sorted', () => {
    const a = ok({
      lines: [
        line(
          'l2',
          2,
          { RELEASED: 1, PICKED: 1, CANCELLED: 1 },
          { unitPrice: 999, taxAmount: 100, shippingAmount: 50, discountAmount: 10 },
        ),
        line('l1', 1, { OPEN: 1, ALLOCATED: 1, RELEASED: 2, PACKED: 1, SHIPPED: 1 }),
        line('l3', 3, { CANCELLED: 2, RETURNED: 1 }),
      ],
      requested: 'ORDER',
      tenders: [
        { id: 'card', method: 'CARD', amount: 50000, refunded: 0 },
        { id: 'gift', method: 'GIFT_CARD', amount: 13396, refunded: 0 },
      ],
      orderRefundedTotal: 0,
    });
    // l3 has nothing outstanding and is skipped; output is in line-number order.
    expect(a.lines.map((l) => [l.orderLineId, l.requestedQuantity, l.cancelQuantity, l.blocked])).toEqual([
      ['l1', 6, 5, 1],
      ['l2', 2, 2, 0],
    ]);
    expect(a.feasibility).toBe('PARTIALLY_CANCELLABLE');
    expect(a.requiredApprovals).toEqual([
      {
        level: 'SUPERVISOR',
        rule: 'STAGE_RELEASED',
        reason: 'Cancelling 3 RELEASED unit(s) requires SUPERVISOR approval',
      },
      { level: 'MANAGER', rule: 'STAGE_PACKED', reason: 'Cancelling 1 PACKED unit(s) requires MANAGER approval' },
    ]);
    // l1: 6 units of a 6-unit line at 2000 with tax 1000 → 5 cancelled in place.
    expect(a.lines[0]!.refund).toEqual({ merchandise: 10000, tax: 833, shipping: 0, discount: 0, total: 10833 });
    // l2: 1 of 3 already cancelled, 2 more → the remaining shares.
    expect(a.lines[1]!.refund).toEqual({ merchandise: 1998, tax: 67, shipping: 33, discount: 7, total: 2091 });
    expect(a.refund.total).toBe(10833 + 2091);
    const byTender = a.refund.byTender;
    expect(byTender.map((t) => t.method)).toEqual(['CARD', 'GIFT_CARD']);
    expect(byTender.reduce((s, t) => s + t.amount, 0)).toBe(a.refund.total);
    expect(a.inventory.map((i) => [i.orderLineId, i.stage, i.type, i.quantity])).toEqual([
      ['l1', 'ALLOCATED', 'DEALLOCATION', 1],
      ['l1', 'RELEASED', 'RELEASE_RESERVATION', 2],
      ['l1', 'PACKED', 'RETURN_TO_AVAILABLE', 1],
      ['l2', 'RELEASED', 'RELEASE_RESERVATION', 1],
      ['l2', 'PICKED', 'RETURN_TO_AVAILABLE', 1],
    ]);
    expect(a.compensation.map((c) => [c.type, c.orderLineId, c.stage, c.quantity])).toEqual([
      ['RELEASE_ALLOCATION', 'l1', 'ALLOCATED', 1],
      ['RECALL_FROM_WAREHOUSE', 'l1', 'RELEASED', 2],
      ['RETURN_TO_STOCK', 'l1', 'PACKED', 1],
      ['RECALL_FROM_WAREHOUSE', 'l2', 'RELEASED', 1],
      ['RETURN_TO_STOCK', 'l2', 'PICKED', 1],
      ['ISSUE_REFUND', null, null, 7],
      ['CREATE_RETURN', 'l1', 'SHIPPED', 1],
    ]);
  });

  it('whole-order scope with nothing outstanding: NOT_CANCELLABLE with no lines', () => {
    const a = ok({
      lines: [line('l1', 1, { CANCELLED: 3 }), line('l2', 2, { RETURNED: 1, CANCELLED: 1 })],
      requested: 'ORDER',
      tenders: [card(1000, 1000)],
      orderRefundedTotal: 1000,
    });
    expect(a).toEqual({
      feasibility: 'NOT_CANCELLABLE',
      blockers: [],
      requiredApprovals: [],
      lines: [],
      inventory: [],
      compensation: [],
      refund: {
        merchandise: 0,
        tax: 0,
        shipping: 0,
        discount: 0,
        total: 0,
        byTender: [{ tenderId: 'tender-card', method: 'CARD', amount: 0 }],
      },
    });
  });

  it('splits a later partial refund using the order’s cumulative refund', () => {
    const l = line('l1', 1, { OPEN: 3, CANCELLED: 2 }, { unitPrice: 10000, taxAmount: 3396, shippingAmount: 0 });
    const tenders = [
      { id: 'card', method: 'CARD', amount: 40000, refunded: 0 },
      { id: 'gift', method: 'GIFT_CARD', amount: 13396, refunded: 0 },
    ];
    // Line total 5 × 10000 + 3396 = 53396, paid by card and gift card.
    // The first request (2 units) refunded 21358 = 2 × 10000 + round(3396 × 2/5).
    const first = ok({
      lines: [line('l1', 1, { OPEN: 5 }, { unitPrice: 10000, taxAmount: 3396 })],
      requested: [{ orderLineId: 'l1', quantity: 2 }],
      tenders,
      orderRefundedTotal: 0,
    });
    expect(first.refund.total).toBe(21358);
    const paid = first.refund.byTender.map((t) => t.amount);
    const second = ok({
      lines: [l],
      requested: [{ orderLineId: 'l1', quantity: 3 }],
      tenders: tenders.map((t, i) => ({ ...t, refunded: paid[i]! })),
      orderRefundedTotal: 21358,
    });
    expect(second.refund.total).toBe(53396 - 21358);
    // Both requests together give each tender back exactly what it paid.
    expect(second.refund.byTender.map((t, i) => t.amount + paid[i]!)).toEqual([40000, 13396]);
  });

  it('uses a supplied policy', () => {
    const policy: StagePolicyTable = {
      ...DEFAULT_STAGE_POLICY,
      OPEN: { ...DEFAULT_STAGE_POLICY.OPEN, approval: 'VP' },
    };
    const a = ok({
      lines: [line('l1', 1, { OPEN: 1 })],
      requested: [{ orderLineId: 'l1', quantity: 1 }],
      tenders: [card(3000)],
      orderRefundedTotal: 0,
      policy,
    });
    expect(a.requiredApprovals).toEqual([
      { level: 'VP', rule: 'STAGE_OPEN', reason: 'Cancelling 1 OPEN unit(s) requires VP approval' },
    ]);
  });

  it('does not mutate its input', () => {
    const input: AssessInput = {
      lines: [line('l1', 1, { OPEN: 3, SHIPPED: 2 })],
      requested: [{ orderLineId: 'l1', quantity: 5 }],
      tenders: [card(11000)],
      orderRefundedTotal: 0,
    };
    const before = JSON.stringify(input);
    ok(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  describe('errors', () => {
    const lines = [line('l1', 1, { OPEN: 2, CANCELLED: 1 }), line('l2', 2, { OPEN: 1 })];
    const base = { lines, tenders: [card(100000)], orderRefundedTotal: 0 };

    it('unknown line → NOT_FOUND at its path', () => {
      const requested = [
        { orderLineId: 'l1', quantity: 1 },
        { orderLineId: 'nope', quantity: 1 },
      ];
      expect(assessCancellation({ ...base, requested })).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        errors: [{ path: 'scope.lines[1].orderLineId', message: 'Order line nope not found on this order' }],
      });
    });

    it('NOT_FOUND wins over validation and over-cancel errors', () => {
      const r = assessCancellation({
        ...base,
        requested: [
          { orderLineId: 'l1', quantity: 0 },
          { orderLineId: 'x', quantity: 1 },
          { orderLineId: 'l2', quantity: 9 },
        ],
      });
      expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', errors: [{ path: 'scope.lines[1].orderLineId' }] });
    });

    it('empty list → VALIDATION_FAILED', () => {
      expect(assessCancellation({ ...base, requested: [] })).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'scope.lines' }],
      });
    });

    it('duplicate line → VALIDATION_FAILED', () => {
      expect(
        assessCancellation({
          ...base,
          requested: [
            { orderLineId: 'l1', quantity: 1 },
            { orderLineId: 'l1', quantity: 1 },
          ],
        }),
      ).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'scope.lines[1].orderLineId', message: 'Line 1 is listed more than once' }],
      });
    });

    const badQuantities = [0, -1, 1.5, NaN, '1' as unknown as number, null as unknown as number];
    it.each(badQuantities)('quantity %s → VALIDATION_FAILED', (q) => {
      expect(assessCancellation({ ...base, requested: [{ orderLineId: 'l1', quantity: q }] })).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'scope.lines[0].quantity' }],
      });
    });

    it('missing orderLineId → VALIDATION_FAILED', () => {
      expect(assessCancellation({ ...base, requested: [{ orderLineId: '', quantity: 1 }] })).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'scope.lines[0].orderLineId' }],
      });
    });

    it('more than outstanding → OVER_CANCEL naming the cancellable amount', () => {
      expect(assessCancellation({ ...base, requested: [{ orderLineId: 'l1', quantity: 3 }] })).toEqual({
        ok: false,
        code: 'OVER_CANCEL',
        errors: [
          { path: 'scope.lines[0].quantity', message: 'Cannot cancel 3 unit(s) of line 1: only 2 can be cancelled' },
        ],
      });
    });

    it('refund beyond what was paid throws OVER_REFUND (data inconsistency, not user input)', () => {
      expect(() =>
        assessCancellation({ ...base, tenders: [card(1000)], requested: [{ orderLineId: 'l2', quantity: 1 }] }),
      ).toThrow(DomainError);
    });

    it('duplicate line ids in the order data are a programming error', () => {
      const dup = [lines[0]!, lines[0]!];
      expect(() => assessCancellation({ ...base, lines: dup, requested: 'ORDER' })).toThrow(RangeError);
    });
  });
});
