import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { IntakeOrderInput } from "../contracts/orders.ts";
import { formatMoney, lineTotal, orderTotals } from "../../../platform/money/money.ts";
import { deriveLineStatus } from "../domain/line-status.ts";
import { countsFromPartial } from "../domain/buckets.ts";
import { appendEvents, recordHistory, type HistoryStorePart } from "../../audit/server/audit.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { getOrder } from "./queries.ts";
import { resolveIntakeReferences, validateIntake } from "./intake-checks.ts";
import { orderFieldColumns } from "./order-field-columns.ts";

interface PartsContext {
  orderId: string;
  number: string;
  input: IntakeOrderInput;
  storeCodes: string[];
  storeByCode: Map<string, { id: string }>;
  locationByCode: Map<string, { id: string }>;
  items: Map<string, string>;
  /** A replacement's line (by index) → the original line it replaces. */
  replaces?: ReadonlyMap<number, string>;
}

/** Every line, OPEN with its whole quantity, and its opening quantity-ledger entry. */
async function createLines(tx: Tx, actor: Actor, ctx: PartsContext, subOrderIds: Map<string, string>) {
  const { orderId, input, storeByCode, locationByCode, items } = ctx;
  const openStatus = (q: number) => deriveLineStatus(countsFromPartial({ OPEN: q }));
  for (const [i, l] of input.lines.entries()) {
    const status = openStatus(l.quantity);
    const line = await tx.orderLine.create({
      data: {
        orderId,
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
        replacesOrderLineId: ctx.replaces?.get(i) ?? null,
        status: status.status,
        statusCode: status.code,
      },
    });
    await tx.quantityLedgerEntry.create({
      data: {
        orderId,
        orderLineId: line.id,
        fromBucket: null,
        toBucket: "OPEN",
        quantity: l.quantity,
        reason: "ORDER_PLACED",
        causeType: "Order",
        causeId: orderId,
        actorId: actor.userId,
      },
    });
  }
}

/** The buyer's user (created on first order) and the catalogue item of every SKU (added when unknown). */
async function buyerAndItems(tx: Tx, input: IntakeOrderInput, skuSeen: Map<string, { name: string; category: string }>) {
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
  return { buyerEmail, buyer, items };
}

/** The order's sub-orders (one per store), lines and tenders; returns the history part per store. */
async function createParts(tx: Tx, actor: Actor, ctx: PartsContext) {
  const { orderId, number, input, storeCodes, storeByCode } = ctx;
  const subOrderIds = new Map<string, string>();
  const storeParts: HistoryStorePart[] = [];
  for (const code of storeCodes) {
    const lines = input.lines.filter((l) => l.storeCode === code);
    const subTotals = orderTotals(lines);
    const sub = await tx.subOrder.create({
      data: { orderId, storeId: storeByCode.get(code)!.id, status: "OPEN", ...subTotals },
    });
    subOrderIds.set(code, sub.id);
    storeParts.push({
      storeId: sub.storeId,
      description: `Order ${number} placed: ${lines.length} line(s) for ${code}, total ${formatMoney(subTotals.total, input.currency)}`,
      data: { externalRef: input.externalRef ?? null, total: subTotals.total, lines: lines.length },
    });
  }
  await createLines(tx, actor, ctx, subOrderIds);
  await tx.paymentTender.createMany({
    data: input.payments.map((p, i) => ({
      orderId,
      sequence: i + 1,
      method: p.method,
      amount: p.amount,
      reference: p.reference ?? null,
      pointsWithdrawTransactionId: p.pointsWithdrawTransactionId ?? null,
    })),
  });
  return { storeParts };
}

/**
 * Takes an order in from a storefront: validates money and payments, resolves stores and
 * locations, adds unknown SKUs to the catalogue, and creates order → sub-orders → lines with
 * their opening quantity-ledger entries, tenders, history and an OrderCreated event — atomically.
 */
export async function intakeOrder(db: Db, actor: Actor, input: IntakeOrderInput) {
  authorize(actor, "order.intake");
  const orderId = await inTransaction(db, (tx) => intakeOrderInTx(tx, actor, input));
  return getOrder(db, actor, orderId);
}

/**
 * The intake itself, in the caller's transaction; `links` makes the new order a supplemental
 * order of another (SPEC §7). Returns the new order's id.
 */
export async function intakeOrderInTx(tx: Tx, actor: Actor, input: IntakeOrderInput, links: { parentOrderId?: string; supplementalType?: string; replaces?: ReadonlyMap<number, string>; parentStores?: readonly string[] } = {}) {
  const { totals, skuSeen } = validateIntake(input);
  // A supplemental order may go to the parent's stores, whoever asks for it (a buyer's add-on).
  const { storeCodes, storeByCode, locationByCode } = await resolveIntakeReferences(tx, actor, input, links.parentStores);

  const { buyerEmail, buyer, items } = await buyerAndItems(tx, input, skuSeen);
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
      ...orderFieldColumns(input),
      ...totals,
      parentOrderId: links.parentOrderId ?? null,
      supplementalType: links.supplementalType ?? null,
    },
  });
  const { storeParts } = await createParts(tx, actor, { orderId: order.id, number, input, storeCodes, storeByCode, locationByCode, items, replaces: links.replaces });
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
}
