// The money of an amendment (SPEC §6 impact): per changed line what the amendment itself charges
// or refunds (price differences, added units), the decrease left to the cancellation engine,
// and the order's net charge or refund split by tender.

import type { LineMoney } from '../../../platform/money/money.ts';
import { apportion } from '../../../platform/money/apportion.ts';
import { splitRefundAcrossTenders } from '../../cancellations/domain/tender-split.ts';
import type { AmendableOrder, OrderDraft } from './change-command.ts';
import { lineMoneyDelta, substitutedLineMoney, type MoneyDelta } from './line-money.ts';

export interface AmendmentTender {
  id: string;
  method: string;
  /** What the tender paid. */
  amount: number;
  /** What has been refunded to it so far. */
  refunded: number;
}

export interface LineImpact extends MoneyDelta {
  orderLineId: string;
  lineNumber: number;
  /** Units added (+) or taken away (−). */
  quantityDelta: number;
  /**
   * Units a decrease cancels. Their refund is not in this line's amounts: the decrease runs as a
   * linked cancellation request whose engine computes it (SPEC §4.5); `refund` is null until the
   * server layer fills it in from that request's assessment.
   */
  cancellation: { quantity: number; refund: MoneyDelta | null } | null;
  /** A substitution's new line: its SKU and the money it carries over. */
  substitution: { sku: string; line: LineMoney } | null;
}

export interface TenderAmount {
  tenderId: string;
  method: string;
  amount: number;
}

export interface MoneyImpact {
  /** The amendment's own net amount to charge (0 when it refunds). */
  charge: number;
  /** The amendment's own net amount to refund (0 when it charges); decreases excluded. */
  refund: number;
  /** The charge or the refund, split by tender (every tender listed). */
  byTender: TenderAmount[];
  lines: LineImpact[];
}

export function lineImpacts(order: AmendableOrder, draft: OrderDraft): LineImpact[] {
  return order.lines
    .filter((line) => draft.lines[line.id] !== undefined)
    .map((line) => {
      const d = draft.lines[line.id]!;
      return {
        orderLineId: line.id,
        lineNumber: line.lineNumber,
        quantityDelta: d.addUnits - d.cancelUnits,
        ...lineMoneyDelta(line, d),
        cancellation: d.cancelUnits > 0 ? { quantity: d.cancelUnits, refund: null } : null,
        substitution: d.sku !== line.sku ? { sku: d.sku, line: substitutedLineMoney(line, d) } : null,
      };
    });
}

/**
 * A charge split pro rata to what each tender paid, house-monotone like refunds. POINTS tenders
 * take no part (points are withdrawn through the points ledger, not charged through the
 * gateway) unless nothing else paid the order.
 */
export function splitCharge(tenders: readonly AmendmentTender[], charge: number): TenderAmount[] {
  if (tenders.length === 0) return [];
  let weights = tenders.map((t) => (t.method === 'POINTS' ? 0 : t.amount));
  if (weights.every((w) => w === 0)) weights = tenders.map((t) => t.amount);
  if (weights.every((w) => w === 0)) weights = tenders.map((_, i) => (i === 0 ? 1 : 0));
  const parts = apportion(charge, weights);
  return tenders.map((t, i) => ({ tenderId: t.id, method: t.method, amount: parts[i]! }));
}

/** The order's net charge or refund over the changed lines, split by tender. */
export function moneyImpact(
  lines: LineImpact[],
  tenders: readonly AmendmentTender[],
  orderRefundedTotal: number,
): MoneyImpact {
  const net = lines.reduce((sum, l) => sum + l.total, 0);
  const charge = Math.max(net, 0);
  const refund = Math.max(-net, 0);
  let byTender: TenderAmount[];
  if (charge > 0) byTender = splitCharge(tenders, charge);
  else if (refund > 0) {
    byTender = splitRefundAcrossTenders(tenders, orderRefundedTotal, refund).map((r, i) => ({
      tenderId: r.id,
      method: tenders[i]!.method,
      amount: r.amount,
    }));
  } else byTender = tenders.map((t) => ({ tenderId: t.id, method: t.method, amount: 0 }));
  return { charge, refund, byTender, lines };
}
