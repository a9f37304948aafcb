// Replacement units (SPEC §7 REPLACEMENT): a claim on a line's shipped or delivered units, at zero or a
// reduced price. A line's units can be replaced once: what earlier replacements took counts.

export interface ReplaceableLine {
  id: string;
  lineNumber: number;
  unitPrice: number;
  /** Units shipped or delivered (and not returned). */
  shipped: number;
  /** Units earlier replacement orders already replace. */
  replaced: number;
}

export type ReplacementProblem = { path: string; message: string; code: 'VALIDATION_FAILED' | 'INSUFFICIENT_QUANTITY' };

/** Checks each replacement line against the line it replaces; returns every problem (none = fine). */
export function checkReplacements(
  lines: readonly { replacesOrderLineId?: string; quantity: number; unitPrice: number }[],
  originals: readonly ReplaceableLine[],
): ReplacementProblem[] {
  const problems: ReplacementProblem[] = [];
  const taken = new Map<string, number>();
  lines.forEach((l, i) => {
    const path = `lines[${i}]`;
    const original = originals.find((o) => o.id === l.replacesOrderLineId);
    if (!l.replacesOrderLineId) return problems.push({ path: `${path}.replacesOrderLineId`, message: 'a replacement line names the line it replaces', code: 'VALIDATION_FAILED' });
    if (!original) return problems.push({ path: `${path}.replacesOrderLineId`, message: `order line ${l.replacesOrderLineId} is not a line of this order`, code: 'VALIDATION_FAILED' });
    if (l.unitPrice > original.unitPrice) {
      problems.push({ path: `${path}.unitPrice`, message: `a replacement costs at most the original unit price ${original.unitPrice}`, code: 'VALIDATION_FAILED' });
    }
    const before = taken.get(original.id) ?? 0;
    const left = original.shipped - original.replaced - before;
    if (l.quantity > left) {
      problems.push({ path: `${path}.quantity`, message: `line ${original.lineNumber} has ${Math.max(0, left)} shipped unit(s) left to replace, not ${l.quantity}`, code: 'INSUFFICIENT_QUANTITY' });
    }
    taken.set(original.id, before + l.quantity);
  });
  return problems;
}
