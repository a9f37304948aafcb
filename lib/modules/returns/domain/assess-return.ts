// What a return takes back and refunds (SPEC §7): shipped or delivered units of a line that no
// other change holds, delivered ones first; the refund of each line follows §4.5 at the line's
// cumulative position — every unit already taken back (cancelled + returned) counts — so
// cancelling k units and returning m refunds exactly what taking back k + m at once would.

import type { BucketCounts } from '../../orders/domain/buckets.ts';
import type { LineMoney } from '../../../platform/money/money.ts';
import { lineRefund, sumRefunds, type RefundBreakdown } from '../../cancellations/domain/line-refund.ts';
import { splitRefundAcrossTenders, type TenderBalance } from '../../cancellations/domain/tender-split.ts';

/** The stages a return takes units from, in the order it takes them. */
export const RETURNABLE_STAGES = ['DELIVERED', 'SHIPPED'] as const;
export type ReturnableStage = (typeof RETURNABLE_STAGES)[number];

export interface ReturnableLine extends LineMoney {
  id: string;
  lineNumber: number;
  counts: BucketCounts;
  /** Units of each stage another active change holds. */
  held: Partial<Record<ReturnableStage, number>>;
}

export interface ReturnLineAssessment {
  orderLineId: string;
  lineNumber: number;
  quantity: number;
  byStage: Partial<Record<ReturnableStage, number>>;
  refund: RefundBreakdown;
}

export interface ReturnAssessment {
  lines: ReturnLineAssessment[];
  refund: RefundBreakdown & { byTender: { tenderId: string; method: string; amount: number }[] };
}

export type ReturnProblem = { path: string; message: string; code: 'VALIDATION_FAILED' | 'INSUFFICIENT_QUANTITY' };

/** Units of the line a return may take now: shipped or delivered, not held by another change. */
export function returnableUnits(line: ReturnableLine): number {
  return RETURNABLE_STAGES.reduce((n, s) => n + Math.max(0, line.counts[s] - (line.held[s] ?? 0)), 0);
}

/** Units taken back so far: the line's §4.5 cumulative position. */
export const takenBack = (counts: BucketCounts) => counts.CANCELLED + counts.RETURNED;

function unitsByStage(line: ReturnableLine, quantity: number): ReturnLineAssessment['byStage'] {
  const byStage: ReturnLineAssessment['byStage'] = {};
  let left = quantity;
  for (const stage of RETURNABLE_STAGES) {
    const take = Math.min(left, Math.max(0, line.counts[stage] - (line.held[stage] ?? 0)));
    if (take > 0) byStage[stage] = take;
    left -= take;
  }
  return byStage;
}

/**
 * Assesses a return of `requested` units per line. Problems: a line named twice or unknown, a
 * quantity that is not a positive integer (422), more units than the line has shipped and free
 * (409 INSUFFICIENT_QUANTITY). The refund is split across the tenders like a cancellation's.
 */
export function assessReturn(input: {
  lines: readonly ReturnableLine[];
  requested: readonly { orderLineId: string; quantity: number }[];
  tenders: readonly (TenderBalance & { method: string })[];
  orderRefundedTotal: number;
}): { ok: true; assessment: ReturnAssessment } | { ok: false; problems: ReturnProblem[] } {
  const problems: ReturnProblem[] = [];
  const seen = new Set<string>();
  const lines: ReturnLineAssessment[] = [];
  input.requested.forEach((r, i) => {
    const path = `lines[${i}]`;
    const line = input.lines.find((l) => l.id === r.orderLineId);
    if (!line) return problems.push({ path: `${path}.orderLineId`, message: `order line ${r.orderLineId} not found`, code: 'VALIDATION_FAILED' });
    if (seen.has(line.id)) return problems.push({ path: `${path}.orderLineId`, message: `line ${line.lineNumber} is named twice`, code: 'VALIDATION_FAILED' });
    seen.add(line.id);
    if (!Number.isSafeInteger(r.quantity) || r.quantity <= 0) return problems.push({ path: `${path}.quantity`, message: 'quantity must be a positive integer', code: 'VALIDATION_FAILED' });
    const free = returnableUnits(line);
    if (r.quantity > free) {
      return problems.push({ path: `${path}.quantity`, message: `line ${line.lineNumber} has ${free} shipped unit(s) that can be returned, not ${r.quantity}`, code: 'INSUFFICIENT_QUANTITY' });
    }
    lines.push({ orderLineId: line.id, lineNumber: line.lineNumber, quantity: r.quantity, byStage: unitsByStage(line, r.quantity), refund: lineRefund(line, takenBack(line.counts), r.quantity) });
  });
  if (input.requested.length === 0) problems.push({ path: 'lines', message: 'a return takes back at least one unit', code: 'VALIDATION_FAILED' });
  if (problems.length) return { ok: false, problems };
  const refund = sumRefunds(lines.map((l) => l.refund));
  const split = splitRefundAcrossTenders(input.tenders, input.orderRefundedTotal, refund.total);
  const byTender = split.map((p, i) => ({ tenderId: p.id, method: input.tenders[i]!.method, amount: p.amount }));
  return { ok: true, assessment: { lines, refund: { ...refund, byTender } } };
}

/** The refund of receiving `now` more units of a return line, at the line's position now. */
export function receiptRefund(line: LineMoney & { counts: BucketCounts }, now: number): RefundBreakdown {
  return lineRefund(line, takenBack(line.counts), now);
}
