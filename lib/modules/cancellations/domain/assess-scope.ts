// Which units a cancellation asks for: the whole order (everything still outstanding) or a list
// of lines and quantities, checked against the order's lines. Pure.

import type { FieldError } from '../../../platform/errors.ts';
import { FULFILMENT_STAGES, isPositiveSafeInteger, type FulfilmentStage } from '../../orders/domain/buckets.ts';
import type { AssessErrorCode, AssessInput, AssessLine } from './assess-types.ts';
import { outstanding } from './select-units.ts';

export interface Wanted {
  line: AssessLine;
  quantity: number;
  /** Take the units only from this stage (else least progressed first). */
  stage?: FulfilmentStage;
}

export type ScopeResult = { ok: true; wanted: Wanted[] } | { ok: false; errors: FieldError[]; code: AssessErrorCode };

// Most specific first: an unknown line makes its other errors meaningless,
// malformed input is the caller's mistake, over-cancel is a state conflict.
// Only the errors of the winning code are returned so that the code and the
// field messages always agree.
const ERROR_PRECEDENCE: readonly AssessErrorCode[] = ['NOT_FOUND', 'VALIDATION_FAILED', 'OVER_CANCEL'];

type Found = Record<AssessErrorCode, FieldError[]>;

/** The order's lines by id. Lines come from the database, not the user: a duplicate is a bug upstream. */
export function indexLines(lines: readonly AssessLine[]): Map<string, AssessLine> {
  const byId = new Map<string, AssessLine>();
  for (const line of lines) {
    if (byId.has(line.id)) throw new RangeError(`Duplicate order line id ${line.id} in assessment input`);
    byId.set(line.id, line);
  }
  return byId;
}

/** The wanted lines in line-number order (then by id), the order every plan lists them in. */
export function byLineNumber(wanted: readonly Wanted[]): Wanted[] {
  return [...wanted].sort(
    (a, b) => a.line.lineNumber - b.line.lineNumber || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0),
  );
}

function wholeOrder(lines: readonly AssessLine[]): Wanted[] {
  const wanted: Wanted[] = [];
  for (const line of lines) {
    const q = outstanding(line.counts);
    if (q > 0) wanted.push({ line, quantity: q });
  }
  return wanted;
}

/** One listed line checked: its wanted units, or an error filed under its code (null). */
function checkListed(
  item: { orderLineId: string; quantity: number; stage?: FulfilmentStage },
  i: number,
  byId: ReadonlyMap<string, AssessLine>,
  seen: Set<string>,
  found: Found,
): Wanted | null {
  const idPath = `scope.lines[${i}].orderLineId`;
  const qtyPath = `scope.lines[${i}].quantity`;
  const id: unknown = item?.orderLineId;
  if (typeof id !== 'string' || id === '') {
    found.VALIDATION_FAILED.push({ path: idPath, message: 'orderLineId is required' });
    return null;
  }
  const line = byId.get(id);
  if (!line) {
    found.NOT_FOUND.push({ path: idPath, message: `Order line ${id} not found on this order` });
    return null;
  }
  if (seen.has(id)) {
    found.VALIDATION_FAILED.push({ path: idPath, message: `Line ${line.lineNumber} is listed more than once` });
    return null;
  }
  seen.add(id);
  const q: unknown = item.quantity;
  if (!isPositiveSafeInteger(q)) {
    found.VALIDATION_FAILED.push({ path: qtyPath, message: 'Quantity must be a positive integer' });
    return null;
  }
  const stage = item.stage;
  if (stage !== undefined && !(FULFILMENT_STAGES as readonly string[]).includes(stage)) {
    found.VALIDATION_FAILED.push({ path: `scope.lines[${i}].stage`, message: `Unknown fulfilment stage ${String(stage)}` });
    return null;
  }
  const out = stage === undefined ? outstanding(line.counts) : line.counts[stage];
  if (q > out) {
    const where = stage === undefined ? '' : ` ${stage.toLowerCase()}`;
    found.OVER_CANCEL.push({
      path: qtyPath,
      message: `Cannot cancel ${q} unit(s) of line ${line.lineNumber}: only ${out}${where} can be cancelled`,
    });
    return null;
  }
  return stage === undefined ? { line, quantity: q } : { line, quantity: q, stage };
}

export function resolveScope(input: AssessInput, byId: ReadonlyMap<string, AssessLine>): ScopeResult {
  if (input.requested === 'ORDER') return { ok: true, wanted: wholeOrder(input.lines) };

  const list = input.requested;
  if (!Array.isArray(list) || list.length === 0) {
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'scope.lines', message: 'List at least one line to cancel, or cancel the whole order' }],
    };
  }

  const found: Found = { NOT_FOUND: [], VALIDATION_FAILED: [], OVER_CANCEL: [] };
  const seen = new Set<string>();
  const wanted: Wanted[] = [];
  list.forEach((item, i) => {
    const w = checkListed(item, i, byId, seen, found);
    if (w) wanted.push(w);
  });

  for (const code of ERROR_PRECEDENCE) {
    if (found[code].length > 0) return { ok: false, code, errors: found[code] };
  }
  return { ok: true, wanted };
}
