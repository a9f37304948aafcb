import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import type { IntakeOrderInput } from "../contracts/orders.ts";
import { DomainError, validationFailed, type FieldError } from "../../../platform/errors.ts";
import { formatMoney, isCurrencyCode, lineTotal, orderTotals, validateOrderMoney } from "../../../platform/money/money.ts";
import { validatePayments } from "../../../platform/money/payments.ts";
import { deriveLineStatus } from "../domain/line-status.ts";
import { countsFromPartial } from "../domain/buckets.ts";
import { appendEvents, recordHistory, type HistoryStorePart } from "../../audit/server/audit.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { getOrder } from "./queries.ts";
import { checkPointsTender } from "../../points/server/points-tender.ts";

/**
 * Takes an order in from a storefront: validates money and payments, resolves stores and
 * locations, adds unknown SKUs to the catalogue, and creates order → sub-orders → lines with
 * their opening quantity-ledger entries, tenders, history and an OrderCreated event — atomically.
 */
export async function intakeOrder(db: Db, actor: Actor, input: IntakeOrderInput) {
  authorize(actor, "order.intake");
  const problems: FieldError[] = [];
  if (!isCurrencyCode(input.currency)) problems.push({ path: "currency", message: `unknown currency ${input.currency}` });
  problems.push(...validateOrderMoney(input.lines));
  const totals = problems.length ? null : orderTotals(input.lines);
  if (totals) problems.push(...validatePayments(input.payments, totals.total));
  input.payments.forEach((p, i) => {
    if (p.method === "POINTS" && !p.pointsWithdrawTransactionId)
      problems.push({ path: `payments[${i}].pointsWithdrawTransactionId`, message: "a POINTS tender must reference its points withdrawal" });
    if (p.method !== "POINTS" && p.pointsWithdrawTransactionId)
      problems.push({ path: `payments[${i}].pointsWithdrawTransactionId`, message: "only a POINTS tender references a points withdrawal" });
    if (p.pointsWithdrawTransactionId && input.payments.findIndex((q) => q.pointsWithdrawTransactionId === p.pointsWithdrawTransactionId) !== i)
      problems.push({ path: `payments[${i}].pointsWithdrawTransactionId`, message: "the same withdrawal cannot pay two tenders" });
  });
  const skuSeen = new Map<string, { name: string; category: string }>();
  input.lines.forEach((l, i) => {
    const prior = skuSeen.get(l.sku);
    if (prior && (prior.name !== l.itemName || prior.category !== l.category))
      problems.push({ path: `lines[${i}].sku`, message: `${l.sku} appears with different names or categories` });
    skuSeen.set(l.sku, { name: l.itemName, category: l.category });
  });
  if (problems.length || !totals) throw validationFailed(problems, "The order is not valid");

  const orderId = await inTransaction(db, async (tx) => {
    const storeCodes = [...new Set(input.lines.map((l) => l.storeCode))];
    const locationCodes = [...new Set(input.lines.map((l) => l.shipFromLocationCode))];
    const stores = await tx.store.findMany({ where: { code: { in: storeCodes } } });
    const locations = await tx.location.findMany({ where: { code: { in: locationCodes } } });
    const storeByCode = new Map(stores.map((s) => [s.code, s]));
    const locationByCode = new Map(locations.map((l) => [l.code, l]));
    const reach = isOps(actor) ? null : new Set(actor.storeIds);
    const unknown: FieldError[] = [];
    input.lines.forEach((l, i) => {
      const store = storeByCode.get(l.storeCode);
      if (!store || (reach && !reach.has(store.id)))
        unknown.push({ path: `lines[${i}].storeCode`, message: `unknown store ${l.storeCode}` });
      if (!locationByCode.has(l.shipFromLocationCode))
        unknown.push({ path: `lines[${i}].shipFromLocationCode`, message: `unknown location ${l.shipFromLocationCode}` });
    });
    if (unknown.length) throw validationFailed(unknown, "The order refers to unknown stores or locations");
    const pointsProblems: FieldError[] = [];
    for (const [i, p] of input.payments.entries()) {
      if (p.method === "POINTS" && p.pointsWithdrawTransactionId)
        pointsProblems.push(...(await checkPointsTender(tx, p.pointsWithdrawTransactionId, input.buyerEmail, `payments[${i}].pointsWithdrawTransactionId`)));
    }
    if (pointsProblems.length) throw validationFailed(pointsProblems, "The order's points tenders are not valid");
    if (input.externalRef && (await tx.order.findUnique({ where: { externalRef: input.externalRef }, select: { id: true } }))) {
      throw new DomainError("CONFLICT", `An order with externalRef ${input.externalRef} already exists`);
    }

    const buyerEmail = input.buyerEmail.toLowerCase();
    const buyer =
      (await tx.user.findUnique({ where: { email: buyerEmail } })) ??
      (await tx.user.create({
        data: { email: buyerEmail, name: buyerEmail.split("@")[0]!, roles: { create: { role: "BUYER" } } },
      }));

    const items = new Map<string, string>();
    for (const [sku, meta] of skuSeen) {
      const line = input.lines.find((l) => l.sku === sku)!;
      const item = await tx.item.upsert({
        where: { sku },
        create: { sku, name: meta.name, category: meta.category, assetTracked: line.assetTracked ?? false },
        update: {},
      });
      items.set(sku, item.id);
    }

    const number = await nextNumber(tx, "order", "CM-");
    const initialStatus = "OPEN";
    const order = await tx.order.create({
      data: {
        number,
        externalRef: input.externalRef ?? null,
        buyerId: buyer.id,
        buyerEmail,
        customerType: input.customerType,
        currency: input.currency,
        orderType: input.orderType,
        status: initialStatus,
        createdById: actor.userId,
        ...totals,
      },
    });
    const subOrderIds = new Map<string, string>();
    const storeParts: HistoryStorePart[] = [];
    for (const code of storeCodes) {
      const lines = input.lines.filter((l) => l.storeCode === code);
      const subTotals = orderTotals(lines);
      const sub = await tx.subOrder.create({
        data: { orderId: order.id, storeId: storeByCode.get(code)!.id, status: initialStatus, ...subTotals },
      });
      subOrderIds.set(code, sub.id);
      storeParts.push({
        storeId: sub.storeId,
        description: `Order ${number} placed: ${lines.length} line(s) for ${code}, total ${formatMoney(subTotals.total, input.currency)}`,
        data: { externalRef: input.externalRef ?? null, total: subTotals.total, lines: lines.length },
      });
    }
    const openStatus = (q: number) => deriveLineStatus(countsFromPartial({ OPEN: q }));
    for (const [i, l] of input.lines.entries()) {
      const status = openStatus(l.quantity);
      const line = await tx.orderLine.create({
        data: {
          orderId: order.id,
          subOrderId: subOrderIds.get(l.storeCode)!,
          lineNumber: i + 1,
          itemId: items.get(l.sku)!,
          sku: l.sku,
          itemName: l.itemName,
          category: l.category,
          storeId: storeByCode.get(l.storeCode)!.id,
          shipFromLocationId: locationByCode.get(l.shipFromLocationCode)!.id,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          taxAmount: l.taxAmount,
          shippingAmount: l.shippingAmount,
          discountAmount: l.discountAmount,
          qtyOpen: l.quantity,
          status: status.status,
          statusCode: status.code,
        },
      });
      await tx.quantityLedgerEntry.create({
        data: {
          orderId: order.id,
          orderLineId: line.id,
          fromBucket: null,
          toBucket: "OPEN",
          quantity: l.quantity,
          reason: "ORDER_PLACED",
          causeType: "Order",
          causeId: order.id,
          actorId: actor.userId,
        },
      });
    }
    await tx.paymentTender.createMany({
      data: input.payments.map((p, i) => ({
        orderId: order.id,
        sequence: i + 1,
        method: p.method,
        amount: p.amount,
        reference: p.reference ?? null,
        pointsWithdrawTransactionId: p.pointsWithdrawTransactionId ?? null,
      })),
    });
    await recordHistory(tx, actor, {
      orderId: order.id,
      action: "ORDER_CREATED",
      newStatus: initialStatus,
      description: `Order ${number} placed: ${input.lines.length} line(s), total ${formatMoney(totals.total, input.currency)}`,
      data: { externalRef: input.externalRef ?? null, total: totals.total, lines: input.lines.length },
      stores: storeParts,
    });
    await tx.order.update({ where: { id: order.id }, data: { eventSequence: 1 } });
    await appendEvents(tx, actor, { type: "Order", id: order.id, orderId: order.id }, 1, [
      {
        type: "OrderCreated",
        payload: {
          orderId: order.id,
          orderNumber: number,
          orderVersion: 1,
          buyerEmail,
          currency: input.currency,
          total: totals.total,
          lines: input.lines.map((l, i) => ({ lineNumber: i + 1, sku: l.sku, quantity: l.quantity, total: lineTotal(l) })),
        },
      },
    ]);
    return order.id;
  });
  return getOrder(db, actor, orderId);
}
