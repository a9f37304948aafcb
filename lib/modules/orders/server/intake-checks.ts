// What an order taken in must satisfy before anything is stored: money, payments and consistent
// SKUs (no database), then stores, locations and points tenders that exist and are in reach.
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { isOps } from "../../../platform/auth/actor.ts";
import type { IntakeOrderInput } from "../contracts/orders.ts";
import { DomainError, validationFailed, type FieldError } from "../../../platform/errors.ts";
import { isCurrencyCode, orderTotals, validateOrderMoney } from "../../../platform/money/money.ts";
import { validatePayments } from "../../../platform/money/payments.ts";
import { checkPointsTender } from "../../points/server/points-tender.ts";

/** The input's own consistency (422 with every field problem): its totals and each SKU's name and category. */
export function validateIntake(input: IntakeOrderInput) {
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
  return { totals, skuSeen };
}

/** Stores, locations (unknown or out of reach → 422), points tenders and a unique externalRef (409), read in the transaction. */
export async function resolveIntakeReferences(tx: Tx, actor: Actor, input: IntakeOrderInput, alsoStores: readonly string[] = []) {
  const storeCodes = [...new Set(input.lines.map((l) => l.storeCode))];
  const locationCodes = [...new Set(input.lines.map((l) => l.shipFromLocationCode))];
  const stores = await tx.store.findMany({ where: { code: { in: storeCodes } } });
  const locations = await tx.location.findMany({ where: { code: { in: locationCodes } } });
  const storeByCode = new Map(stores.map((s) => [s.code, s]));
  const locationByCode = new Map(locations.map((l) => [l.code, l]));
  const reach = isOps(actor) ? null : new Set([...actor.storeIds, ...alsoStores]);
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
  return { storeCodes, storeByCode, locationByCode };
}
