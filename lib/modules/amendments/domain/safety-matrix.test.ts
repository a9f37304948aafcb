import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_POLICY, type StagePolicyTable } from '../../cancellations/domain/stage-policy.ts';
import { PHASES, type Phase } from './phase.ts';
import {
  approvalLevelOf,
  DEFAULT_SAFETY_MATRIX,
  safetyOf,
  type SafetyCell,
  type SafetyMatrix,
  type SafetySubject,
} from './safety-matrix.ts';

// SPEC §6, written out again by hand so the test does not read the table it checks.
const A: SafetyCell = { result: 'ALLOWED' };
const P: SafetyCell = { result: 'REQUIRES_REPLANNING' };
const M: SafetyCell = { result: 'MANUAL_REVIEW' };
const B: SafetyCell = { result: 'BLOCKED' };
const sup: SafetyCell = { result: 'REQUIRES_APPROVAL', level: 'SUPERVISOR' };
const mgr: SafetyCell = { result: 'REQUIRES_APPROVAL', level: 'MANAGER' };

const EXPECTED: [string, SafetySubject, [SafetyCell, SafetyCell, SafetyCell, SafetyCell]][] = [
  ['ChangeContact', { kind: 'ChangeContact' }, [A, A, A, A]],
  ['ChangeDeliveryNote', { kind: 'ChangeDeliveryNote' }, [A, A, A, B]],
  ['ChangeDeliveryWindow', { kind: 'ChangeDeliveryWindow' }, [A, A, P, B]],
  ['ChangeShippingAddress', { kind: 'ChangeShippingAddress' }, [A, P, M, B]],
  ['ChangeLineQuantity increase', { kind: 'ChangeLineQuantity', direction: 'INCREASE' }, [A, sup, sup, B]],
  // Decided by the cancellation stage policy (SPEC §4.2): OPEN/ALLOCATED none, RELEASED
  // SUPERVISOR, PICKED/PACKED MANAGER, SHIPPED/DELIVERED not in place (a return).
  ['ChangeLineQuantity decrease', { kind: 'ChangeLineQuantity', direction: 'DECREASE' }, [A, sup, mgr, B]],
  ['SubstituteItem', { kind: 'SubstituteItem' }, [A, P, B, B]],
  ['ChangeUnitPrice', { kind: 'ChangeUnitPrice' }, [mgr, B, B, B]],
];

describe('the default safety matrix, every cell', () => {
  for (const [name, subject, cells] of EXPECTED) {
    PHASES.forEach((phase, i) => {
      it(`${name} at ${phase} → ${cells[i]!.result}${'level' in cells[i]! ? ` (${cells[i]!.level})` : ''}`, () => {
        expect(safetyOf(DEFAULT_SAFETY_MATRIX, subject, phase)).toEqual(cells[i]);
      });
    });
  }

  it('covers 8 subjects × 4 phases', () => {
    expect(EXPECTED.length * PHASES.length).toBe(32);
  });

  it('cannot be altered by accident', () => {
    expect(Object.isFrozen(DEFAULT_SAFETY_MATRIX)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SAFETY_MATRIX.ChangeUnitPrice)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SAFETY_MATRIX.ChangeUnitPrice.BEFORE_RELEASE)).toBe(true);
  });
});

describe('safetyOf with edited policy', () => {
  it('reads an edited matrix', () => {
    const edited: SafetyMatrix = {
      ...DEFAULT_SAFETY_MATRIX,
      ChangeContact: { ...DEFAULT_SAFETY_MATRIX.ChangeContact, SHIPPED: { result: 'REQUIRES_APPROVAL', level: 'DIRECTOR' } },
    };
    expect(safetyOf(edited, { kind: 'ChangeContact' }, 'SHIPPED')).toEqual({ result: 'REQUIRES_APPROVAL', level: 'DIRECTOR' });
  });

  it('maps an edited stage policy for decreases: the highest approval of the phase, BLOCKED when not in place', () => {
    const policy: StagePolicyTable = {
      ...DEFAULT_STAGE_POLICY,
      ALLOCATED: { ...DEFAULT_STAGE_POLICY.ALLOCATED, approval: 'SUPERVISOR' },
      PACKED: { ...DEFAULT_STAGE_POLICY.PACKED, approval: 'DIRECTOR' },
      RELEASED: { ...DEFAULT_STAGE_POLICY.RELEASED, cancelInPlace: false },
    };
    const decrease = (phase: Phase) => safetyOf(DEFAULT_SAFETY_MATRIX, { kind: 'ChangeLineQuantity', direction: 'DECREASE' }, phase, policy);
    expect(decrease('BEFORE_RELEASE')).toEqual(sup);
    expect(decrease('RELEASED')).toEqual(B);
    expect(decrease('IN_WAREHOUSE')).toEqual({ result: 'REQUIRES_APPROVAL', level: 'DIRECTOR' });
  });

  it('refuses an unknown phase', () => {
    expect(() => safetyOf(DEFAULT_SAFETY_MATRIX, { kind: 'ChangeContact' }, 'LOST' as Phase)).toThrow(RangeError);
  });
});

describe('approvalLevelOf', () => {
  it('is the cell level, MANAGER for a manual review, none otherwise', () => {
    expect(approvalLevelOf(sup)).toBe('SUPERVISOR');
    expect(approvalLevelOf(M)).toBe('MANAGER');
    for (const c of [A, P, B]) expect(approvalLevelOf(c)).toBeNull();
  });
});
