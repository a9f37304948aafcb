// The shared rule of the two record-valued fields (shipping address, contact): a change
// replaces the whole record or one field of it; oldValue must be what the order holds now.

import { sameValue, type Parsed } from '../field-text.ts';
import { invalid, stale, type Failure } from '../change-command.ts';

export interface RecordChange<R, F extends keyof R & string> {
  index: number;
  path: string;
  field: F | null;
  oldValue: unknown;
  newValue: R | R[F];
}

export type RecordResult<R> = { ok: true; next: R } | Failure;

/** oldValue in canonical form when it parses (so " 12930 " equals "12930"), else as given. */
export function canonicalOld<T>(raw: unknown, parse: (raw: unknown) => Parsed<T>): unknown {
  if (raw === undefined || raw === null) return null;
  const parsed = parse(raw);
  return parsed.ok ? parsed.value : raw;
}

/**
 * The record after the change, built on `base` (the draft so far, which other field changes of
 * the same request may already have touched), or the problem: STALE_VALUE when oldValue is not
 * the order's `current` value (a field of an absent record is null); VALIDATION_FAILED when a
 * single field is set on a record the order does not have, or when nothing would change.
 */
export function applyRecordChange<R extends object, F extends keyof R & string>(
  current: R | null,
  base: R | null,
  change: RecordChange<R, F>,
  label: string,
): RecordResult<R> {
  const { index, field } = change;
  const currentValue = field === null ? current : current === null ? null : current[field];
  if (!sameValue(change.oldValue, currentValue)) {
    return stale(index, currentValue, field === null ? label : `${label} ${field}`);
  }
  if (sameValue(change.newValue, currentValue)) {
    return invalid(index, 'newValue', `newValue is the current ${field === null ? label : `${label} ${field}`}: the change changes nothing`);
  }
  if (field === null) return { ok: true, next: change.newValue as R };
  if (base === null) return invalid(index, 'path', `The order has no ${label} yet: replace it as a whole first`);
  return { ok: true, next: { ...base, [field]: change.newValue as R[F] } };
}
