import { formatMoney } from "../../../platform/money/money.ts";
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { validationFailed } from "../../../platform/errors.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { validatePayments } from "../../../platform/money/payments.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import { recordHistory } from "../../audit/server/audit.ts";
import { committedRefunds } from "../../cancellations/server/assessment.ts";
import { splitRefundAcrossTenders } from "../../cancellations/domain/tender-split.ts";
import { recordRefundOwed } from "../../compensation/server/refund-owed.ts";
import type { CreateSupplementalOrderInput } from "../contracts/supplemental.ts";

/** Refunds and tasks of a billing adjustment (a goodwill credit) are keyed by this cause type. */
export const SUPPLEMENTAL_CAUSE = "SupplementalOrder";

function assertShape(input: CreateSupplementalOrderInput): number {
  const amount = input.amount ?? 0;
  const problems = [];
  if (input.lines.length) problems.push({ path: "lines", message: "a billing adjustment moves money only: no lines" });
  if (!amount) problems.push({ path: "amount", message: "a billing adjustment needs a non-zero amount: a charge (+) or a credit (−)" });
  if (amount < 0 && input.payments.length) problems.push({ path: "payments", message: "a credit is refunded to the order's own payments: list none" });
  if (amount > 0) problems.push(...validatePayments(input.payments, amount));
  if (problems.length) throw validationFailed(problems, "The billing adjustment is not valid");
  return amount;
}

/**
 * A BILLING_ADJUSTMENT (SPEC §7): an order of money only, linked to its parent. A charge (+) is paid
 * by its own tenders, as at intake; a goodwill credit (−) is refunded to the parent's tenders through
 * the gateway (split like any refund, never more than is still refundable: 409 OVER_REFUND), paid by
 * the compensation kernel after commit. Returns the new order's id and the relation it has.
 */
export async function createBillingAdjustment(tx: Tx, actor: Actor, parent: LockedOrder, input: CreateSupplementalOrderInput) {
  const amount = assertShape(input);
  const split = amount < 0 ? await creditSplit(tx, parent, -amount) : [];
  const number = await nextNumber(tx, "order", "CM-");
  const order = await tx.order.create({
    data: {
      number,
      buyerId: parent.buyerId,
      buyerEmail: parent.buyerEmail,
      customerType: parent.customerType,
      currency: parent.currency,
      orderType: "SUPPLEMENTAL",
      supplementalType: "BILLING_ADJUSTMENT",
      parentOrderId: parent.id,
      status: amount > 0 ? "COMPLETED" : "OPEN",
      createdById: actor.userId,
      subtotal: Math.max(amount, 0),
      tax: 0,
      shipping: 0,
      discount: 0,
      total: Math.max(amount, 0),
    },
  });
  if (amount > 0) {
    await tx.paymentTender.createMany({ data: input.payments.map((p, i) => ({ orderId: order.id, sequence: i + 1, method: p.method, amount: p.amount, reference: p.reference ?? null })) });
  } else {
    await recordRefundOwed(tx, { orderId: parent.id, cause: { type: SUPPLEMENTAL_CAUSE, id: order.id }, key: `${order.id}:credit`, byTender: split });
  }
  const what = amount > 0 ? `charge of ${formatMoney(amount, parent.currency)}` : `goodwill credit of ${formatMoney(-amount, parent.currency)}`;
  await recordHistory(tx, actor, { orderId: order.id, action: "ORDER_CREATED", newStatus: order.status, description: `Billing adjustment ${number}: ${what} for order ${parent.number}`, data: { amount } });
  return { id: order.id, relation: amount > 0 ? ("SUPPLEMENTS" as const) : ("COMPENSATES" as const) };
}

async function creditSplit(tx: Tx, parent: LockedOrder, credit: number) {
  const { tenders, total } = await committedRefunds(tx, parent.id);
  const parts = splitRefundAcrossTenders(tenders, total, credit);
  return parts.map((p, i) => ({ tenderId: p.id, method: tenders[i]!.method, amount: p.amount }));
}
