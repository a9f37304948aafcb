import { describe, expect, it } from 'vitest';
import { checkReplacements, type ReplaceableLine } from './replacement.ts';

const original: ReplaceableLine = { id: 'L1', lineNumber: 1, unitPrice: 2000, shipped: 3, replaced: 1 };

describe('checkReplacements', () => {
  it('allows up to the shipped units not yet replaced, at zero or a reduced price', () => {
    expect(checkReplacements([{ replacesOrderLineId: 'L1', quantity: 2, unitPrice: 0 }], [original])).toEqual([]);
    expect(checkReplacements([{ replacesOrderLineId: 'L1', quantity: 1, unitPrice: 1500 }, { replacesOrderLineId: 'L1', quantity: 1, unitPrice: 0 }], [original])).toEqual([]);
  });

  it('refuses more units than were shipped and not yet replaced, counting the request itself', () => {
    expect(checkReplacements([{ replacesOrderLineId: 'L1', quantity: 3, unitPrice: 0 }], [original])).toMatchObject([{ code: 'INSUFFICIENT_QUANTITY', path: 'lines[0].quantity' }]);
    expect(checkReplacements([{ replacesOrderLineId: 'L1', quantity: 1, unitPrice: 0 }, { replacesOrderLineId: 'L1', quantity: 2, unitPrice: 0 }], [original])).toMatchObject([
      { code: 'INSUFFICIENT_QUANTITY', path: 'lines[1].quantity' },
    ]);
  });

  it('refuses a higher price, a missing or foreign line', () => {
    expect(checkReplacements([{ replacesOrderLineId: 'L1', quantity: 1, unitPrice: 2001 }], [original])).toMatchObject([{ code: 'VALIDATION_FAILED', path: 'lines[0].unitPrice' }]);
    expect(checkReplacements([{ quantity: 1, unitPrice: 0 }], [original])).toMatchObject([{ path: 'lines[0].replacesOrderLineId' }]);
    expect(checkReplacements([{ replacesOrderLineId: 'X', quantity: 1, unitPrice: 0 }], [original])).toMatchObject([{ path: 'lines[0].replacesOrderLineId' }]);
  });
});
