// What the three line commands share: finding the line a path names, and the line's draft.

import { outstanding } from '../../../cancellations/domain/select-units.ts';
import type { BucketCounts } from '../../../orders/domain/buckets.ts';
import {
  invalid,
  untouchedLine,
  type AmendableLine,
  type AmendableOrder,
  type Failure,
  type LineCommand,
  type LineDraft,
  type OrderDraft,
} from '../change-command.ts';

/** The line the command names, or a validation error on its path (an unknown line is an unknown path). */
export function findLine(order: AmendableOrder, cmd: LineCommand): { ok: true; line: AmendableLine } | Failure {
  const line = order.lines.find((l) => l.id === cmd.orderLineId);
  return line ? { ok: true, line } : invalid(cmd.index, 'path', `The order has no line ${cmd.orderLineId}`);
}

export function lineDraftOf(draft: OrderDraft, line: AmendableLine): LineDraft {
  return draft.lines[line.id] ?? untouchedLine(line);
}

export function withLineDraft(draft: OrderDraft, lineId: string, next: LineDraft): OrderDraft {
  return { ...draft, lines: { ...draft.lines, [lineId]: next } };
}

/**
 * The quantity a quantity change reads and writes: the line's units neither cancelled nor
 * returned. (The ordered quantity never goes down — cancelled units stay on the line as
 * history — so it is not what a buyer means by "make it 3".)
 */
export function activeQuantity(counts: BucketCounts): number {
  return outstanding(counts);
}

/** A whole number in [min, max], or a message saying what it must be. */
export function wholeNumberProblem(value: unknown, min: number, max: number, what: string): string | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `${what} must be a whole number`;
  if (value < min) return `${what} must be at least ${min}`;
  if (value > max) return `${what} must be at most ${max}`;
  return null;
}
