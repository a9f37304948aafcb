import { describe, expect, it } from 'vitest';
import { FULFILMENT_STAGES, countsFromPartial } from '../../orders/domain/buckets.ts';
import { cancellableNow, outstanding, selectUnits } from './select-units.ts';
import { DEFAULT_STAGE_POLICY, type StagePolicyTable } from './stage-policy.ts';

const mixed = () =>
  countsFromPartial({
    OPEN: 1,
    ALLOCATED: 2,
    RELEASED: 1,
    PICKED: 1,
    PACKED: 1,
    SHIPPED: 2,
    DELIVERED: 1,
    CANCELLED: 3,
    RETURNED: 1,
  });

describe('outstanding / cancellableNow', () => {
  it('outstanding excludes cancelled and returned units', () => {
    expect(outstanding(mixed())).toBe(9);
    expect(outstanding(countsFromPartial({ CANCELLED: 4, RETURNED: 1 }))).toBe(0);
  });

  it('cancellableNow counts only in-place stages', () => {
    expect(cancellableNow(mixed())).toBe(6);
    expect(cancellableNow(mixed(), DEFAULT_STAGE_POLICY)).toBe(6);
    expect(cancellableNow(countsFromPartial({ SHIPPED: 3, DELIVERED: 2 }))).toBe(0);
  });

  it('rejects corrupt counts', () => {
    expect(() => outstanding(countsFromPartial({ OPEN: -1 }))).toThrow(RangeError);
    expect(() => selectUnits(countsFromPartial({ OPEN: 1.5 }), 1)).toThrow(RangeError);
  });
});

describe('selectUnits', () => {
  it('takes least-progressed units first', () => {
    const r = selectUnits(mixed(), 4);
    expect(r).toEqual({
      ok: true,
      takeByStage: { OPEN: 1, ALLOCATED: 2, RELEASED: 1 },
      cancelInPlace: 4,
      blockedByStage: {},
      blocked: 0,
    });
  });

  it('counts shipped/delivered units as blocked', () => {
    const r = selectUnits(mixed(), 9);
    expect(r).toEqual({
      ok: true,
      takeByStage: { OPEN: 1, ALLOCATED: 2, RELEASED: 1, PICKED: 1, PACKED: 1 },
      cancelInPlace: 6,
      blockedByStage: { SHIPPED: 2, DELIVERED: 1 },
      blocked: 3,
    });
  });

  it('3 open + 2 shipped, cancel 5 → 3 in place, 2 blocked', () => {
    const r = selectUnits(countsFromPartial({ OPEN: 3, SHIPPED: 2 }), 5);
    expect(r).toMatchObject({
      ok: true,
      takeByStage: { OPEN: 3 },
      cancelInPlace: 3,
      blockedByStage: { SHIPPED: 2 },
      blocked: 2,
    });
  });

  it('with a named stage takes only from it', () => {
    expect(selectUnits(mixed(), 1, DEFAULT_STAGE_POLICY, { stage: 'PACKED' })).toEqual({
      ok: true,
      takeByStage: { PACKED: 1 },
      cancelInPlace: 1,
      blockedByStage: {},
      blocked: 0,
    });
    expect(selectUnits(mixed(), 2, DEFAULT_STAGE_POLICY, { stage: 'SHIPPED' })).toEqual({
      ok: true,
      takeByStage: {},
      cancelInPlace: 0,
      blockedByStage: { SHIPPED: 2 },
      blocked: 2,
    });
  });

  it('over-cancel reports what is outstanding', () => {
    const r = selectUnits(mixed(), 10);
    expect(r).toMatchObject({ ok: false, error: { code: 'OVER_CANCEL', cancellable: 9 } });
    if (!r.ok) expect(r.error.message).toMatch(/only 9/);
    expect(selectUnits(mixed(), 2, DEFAULT_STAGE_POLICY, { stage: 'PICKED' })).toMatchObject({
      ok: false,
      error: { code: 'OVER_CANCEL', cancellable: 1 },
    });
    expect(selectUnits(countsFromPartial({ CANCELLED: 2 }), 1)).toMatchObject({
      ok: false,
      error: { code: 'OVER_CANCEL', cancellable: 0 },
    });
  });

  it.each([0, -1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '2' as unknown as number])(
    'rejects quantity %s as INVALID_QUANTITY',
    (q) => {
      expect(selectUnits(mixed(), q)).toMatchObject({ ok: false, error: { code: 'INVALID_QUANTITY', cancellable: 9 } });
    },
  );

  it('rejects an unknown stage', () => {
    expect(() => selectUnits(mixed(), 1, DEFAULT_STAGE_POLICY, { stage: 'CANCELLED' as never })).toThrow(RangeError);
  });

  it('never mutates its input', () => {
    const c = mixed();
    const copy = { ...c };
    selectUnits(c, 9);
    selectUnits(c, 100);
    expect(c).toEqual(copy);
  });

  it('honours a supplied policy', () => {
    // e.g. a rules engine that forbids cancelling packed units in place
    const policy: StagePolicyTable = {
      ...DEFAULT_STAGE_POLICY,
      PACKED: { ...DEFAULT_STAGE_POLICY.PACKED, cancelInPlace: false },
    };
    const r = selectUnits(mixed(), 7, policy);
    expect(r).toMatchObject({ ok: true, cancelInPlace: 5, blockedByStage: { PACKED: 1, SHIPPED: 1 }, blocked: 2 });
    expect(cancellableNow(mixed(), policy)).toBe(5);
  });

  it('property: in-place + blocked == requested, per-stage takes never exceed counts', () => {
    let seed = 5;
    const rand = (m: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % (m + 1);
    };
    for (let i = 0; i < 500; i++) {
      const c = countsFromPartial(Object.fromEntries(FULFILMENT_STAGES.map((s) => [s, rand(3)])));
      const out = outstanding(c);
      if (out === 0) continue;
      const q = 1 + rand(out - 1);
      const r = selectUnits(c, q);
      if (!r.ok) throw new Error('unexpected');
      expect(r.cancelInPlace + r.blocked).toBe(q);
      for (const s of FULFILMENT_STAGES) {
        expect((r.takeByStage[s] ?? 0) + (r.blockedByStage[s] ?? 0)).toBeLessThanOrEqual(c[s]);
      }
    }
  });
});
