import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countsFromPartial, type BucketCounts } from '../../orders/domain/buckets.ts';
import { lineRefund } from '../../cancellations/domain/line-refund.ts';
import { assessReturn, receiptRefund, returnableUnits, type ReturnableLine } from './assess-return.ts';
import { checkReceipt, canTransition, isOpen } from './status.ts';

const line = (counts: Partial<BucketCounts>, over: Partial<ReturnableLine> = {}): ReturnableLine => ({
  id: 'L1',
  lineNumber: 1,
  quantity: 3,
  unitPrice: 999,
  taxAmount: 100,
  shippingAmount: 0,
  discountAmount: 0,
  counts: countsFromPartial(counts),
  held: {},
  ...over,
});
const card = [{ id: 'T1', method: 'CARD', amount: 3097, refunded: 0 }];

describe('assessReturn', () => {
  it('cancelling 1 of 3 × 9.99 (+1.00 tax) and returning the other 2 refunds exactly 30.97 in total', () => {
    const cancelled = lineRefund(line({ OPEN: 3 }), 0, 1);
    expect(cancelled.total).toBe(1032);
    const r = assessReturn({ lines: [line({ CANCELLED: 1, DELIVERED: 2 })], requested: [{ orderLineId: 'L1', quantity: 2 }], tenders: [{ ...card[0]!, refunded: 1032 }], orderRefundedTotal: 1032 });
    expect(r.ok && r.assessment.refund.total).toBe(2065);
    expect(cancelled.total + 2065).toBe(3097);
  });

  it('takes delivered units first, then shipped; never units another change holds', () => {
    const l = line({ SHIPPED: 2, DELIVERED: 1 }, { held: { SHIPPED: 1 } });
    expect(returnableUnits(l)).toBe(2);
    const r = assessReturn({ lines: [l], requested: [{ orderLineId: 'L1', quantity: 2 }], tenders: card, orderRefundedTotal: 0 });
    expect(r.ok && r.assessment.lines[0]!.byStage).toEqual({ DELIVERED: 1, SHIPPED: 1 });
    const over = assessReturn({ lines: [l], requested: [{ orderLineId: 'L1', quantity: 3 }], tenders: card, orderRefundedTotal: 0 });
    expect(over).toMatchObject({ ok: false, problems: [{ code: 'INSUFFICIENT_QUANTITY', path: 'lines[0].quantity' }] });
  });

  it('refuses unshipped or already returned units, unknown lines, repeated lines and bad quantities', () => {
    const l = line({ OPEN: 1, RETURNED: 2 });
    const refuse = (requested: { orderLineId: string; quantity: number }[]) => assessReturn({ lines: [l], requested, tenders: card, orderRefundedTotal: 0 });
    expect(refuse([{ orderLineId: 'L1', quantity: 1 }])).toMatchObject({ ok: false, problems: [{ code: 'INSUFFICIENT_QUANTITY' }] });
    expect(refuse([{ orderLineId: 'nope', quantity: 1 }])).toMatchObject({ ok: false, problems: [{ code: 'VALIDATION_FAILED', path: 'lines[0].orderLineId' }] });
    expect(refuse([{ orderLineId: 'L1', quantity: 0 }])).toMatchObject({ ok: false, problems: [{ code: 'VALIDATION_FAILED', path: 'lines[0].quantity' }] });
    expect(refuse([{ orderLineId: 'L1', quantity: 1.5 }])).toMatchObject({ ok: false, problems: [{ code: 'VALIDATION_FAILED' }] });
    expect(refuse([])).toMatchObject({ ok: false, problems: [{ path: 'lines' }] });
    const twice = assessReturn({ lines: [line({ SHIPPED: 3 })], requested: [{ orderLineId: 'L1', quantity: 1 }, { orderLineId: 'L1', quantity: 1 }], tenders: card, orderRefundedTotal: 0 });
    expect(twice).toMatchObject({ ok: false, problems: [{ path: 'lines[1].orderLineId' }] });
  });

  it('property: any mix of cancellations and returns (received in parts) refunds exactly taking them all back at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 9_999 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 8 }),
        (quantity, unitPrice, taxAmount, shippingAmount, steps) => {
          let counts = countsFromPartial({ DELIVERED: quantity });
          const money = { quantity, unitPrice, taxAmount, shippingAmount, discountAmount: 0 };
          let paid = 0;
          for (const [i, k] of steps.entries()) {
            const now = Math.min(k, counts.DELIVERED);
            if (!now) break;
            paid += receiptRefund({ ...money, counts }, now).total;
            // Alternate: one step counted as returned, the next as cancelled — both are taken back.
            counts = countsFromPartial({ ...counts, DELIVERED: counts.DELIVERED - now, [i % 2 ? 'CANCELLED' : 'RETURNED']: counts[i % 2 ? 'CANCELLED' : 'RETURNED'] + now });
          }
          expect(paid).toBe(lineRefund(money, 0, quantity - counts.DELIVERED).total);
        },
      ),
    );
  });
});

describe('return status and receipts', () => {
  it('moves only along its lifecycle; a receipt never exceeds what the line expects', () => {
    expect(canTransition('REQUESTED', 'PENDING_APPROVAL')).toBe(true);
    expect(canTransition('AWAITING_RECEIPT', 'RECEIVED')).toBe(true);
    expect(canTransition('RECEIVED', 'CANCELLED')).toBe(false);
    expect(canTransition('COMPLETED', 'RECEIVED')).toBe(false);
    expect(canTransition('__proto__', 'RECEIVED')).toBe(false);
    expect([isOpen('AWAITING_RECEIPT'), isOpen('RECEIVED'), isOpen('CANCELLED')]).toEqual([true, false, false]);
    expect(checkReceipt(2, 1, 1)).toBe('OK');
    expect(checkReceipt(2, 1, 2)).toBe('MORE_THAN_EXPECTED');
    expect(checkReceipt(2, 0, 0)).toBe('INVALID_QUANTITY');
    expect(checkReceipt(2, 0, 1.5)).toBe('INVALID_QUANTITY');
  });
});
