import { describe, expect, it } from 'vitest';
import { COMPENSATION_TYPES, compensationModeOf } from './stage-policy.ts';
import { COMPENSATION_TRAITS, EXTERNAL_EFFECTS, REVERSIBILITIES } from './compensation-traits.ts';

describe('COMPENSATION_TRAITS (SPEC §4.4)', () => {
  it('describes every compensation type with a known reversibility and external effect', () => {
    expect(Object.keys(COMPENSATION_TRAITS).sort()).toEqual([...COMPENSATION_TYPES].sort());
    for (const t of COMPENSATION_TYPES) {
      expect(REVERSIBILITIES).toContain(COMPENSATION_TRAITS[t].reversibility);
      expect(EXTERNAL_EFFECTS).toContain(COMPENSATION_TRAITS[t].externalEffect);
    }
  });

  it('money sent to a processor cannot be taken back by the system; warehouse steps need people', () => {
    expect(COMPENSATION_TRAITS.ISSUE_REFUND).toEqual({ reversibility: 'NONE', externalEffect: 'PAYMENT' });
    for (const t of COMPENSATION_TYPES.filter((t) => COMPENSATION_TRAITS[t].externalEffect === 'WAREHOUSE')) {
      expect(compensationModeOf(t)).toBe('MANUAL');
    }
  });
});
