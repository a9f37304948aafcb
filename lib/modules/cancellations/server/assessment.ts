import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { CreateCancellationRequestInput } from "../contracts/cancellations.ts";
import { DomainError } from "../../../platform/errors.ts";
import { assessCancellation, type Assessment, type AssessTender } from "../domain/assess.ts";
import { lineForRules } from "../../orders/server/line-counts.ts";
import { cancellableStores, inStores, type StoreSet } from "../../orders/server/scope.ts";
import { assertLinesFree } from "../../orders/server/holds.ts";
import type { ApprovalFacts } from "../../approvals/domain/evaluate.ts";
import { evaluateForSubject } from "../../approvals/server/tasks.ts";
import { REFUNDS_ONLY } from "../../compensation/server/refunds.ts";

/** What the order has committed to refund so far, per tender and in total (every adjustment, any status). */
export async function committedRefunds(tx: Tx, orderId: string) {
  const tenders = await tx.paymentTender.findMany({ where: { orderId }, orderBy: { sequence: "asc" } });
  const sums = await tx.financialAdjustment.groupBy({ by: ["tenderId"], where: { orderId, ...REFUNDS_ONLY }, _sum: { amount: true } });
  const byTender = new Map(sums.map((s) => [s.tenderId, s._sum.amount ?? 0]));
  const list: AssessTender[] = tenders.map((t) => ({ id: t.id, method: t.method, amount: t.amount, refunded: byTender.get(t.id) ?? 0 }));
  return { tenders: list, total: list.reduce((n, t) => n + t.refunded, 0) };
}

/**
 * Assesses a cancellation against the order as it is now, for the lines the actor may cancel.
 * Pure rules do the work (lib/modules/cancellations/domain/assess.ts); this loads their inputs and turns
 * their verdicts into typed errors. Used by the preview and, under the order lock, by the command.
 */
export async function assessForActor(
  tx: Tx,
  actor: Actor,
  order: { id: string; buyerId: string; total: number; currency: string; customerType: string; createdAt: Date },
  input: Pick<CreateCancellationRequestInput, "scope" | "damaged"> & { cancellationType?: string },
  options: { now?: Date; stores?: StoreSet } = {},
): Promise<Assessment> {
  const stores = options.stores ?? cancellableStores(actor, order);
  const lines = (await tx.orderLine.findMany({ where: { orderId: order.id }, orderBy: { lineNumber: "asc" } })).filter((l) =>
    inStores(stores, l.storeId),
  );
  const wanted = input.scope.type === "ORDER" ? lines.map((l) => l.id) : input.scope.lines.map((l) => l.orderLineId);
  const scopeLines = input.scope.type === "LINES" ? input.scope.lines : null;
  await assertLinesFree(tx, wanted, (i) => (scopeLines ? `scope.lines[${i}].orderLineId` : "scope"));
  const { tenders, total } = await committedRefunds(tx, order.id);
  const result = assessCancellation({
    lines: lines.map(lineForRules),
    requested: scopeLines ?? "ORDER",
    tenders,
    orderRefundedTotal: total,
    damaged: input.damaged,
  });
  if (!result.ok) {
    const message = result.errors.map((e) => e.message).join("; ");
    if (result.code === "NOT_FOUND") throw new DomainError("NOT_FOUND", `Order line not found`, { errors: result.errors });
    if (result.code === "OVER_CANCEL") throw new DomainError("INSUFFICIENT_QUANTITY", message, { errors: result.errors });
    throw new DomainError("VALIDATION_FAILED", message || "The cancellation is not valid", { errors: result.errors });
  }
  return withRuleApprovals(tx, result.assessment, order, lines, input.cancellationType ?? "CUSTOMER_REQUEST", options.now ?? new Date());
}

/** Units of a stage map summed into one map. */
function addStages(into: Partial<Record<string, number>>, from: Partial<Record<string, number>>) {
  for (const [stage, n] of Object.entries(from)) into[stage] = (into[stage] ?? 0) + (n ?? 0);
}

/**
 * Who must approve is decided by the approval rules (SPEC §5), not by the stage table alone: the
 * request and its order become facts, the effective rules are evaluated, and their verdict — one
 * approval per matching rule, naming the rule — replaces the stage-derived list.
 */
async function withRuleApprovals(
  tx: Tx,
  assessment: Assessment,
  order: { total: number; currency: string; customerType: string; createdAt: Date },
  lines: { id: string; category: string }[],
  requestType: string,
  now: Date,
): Promise<Assessment> {
  const unitsByStage: Partial<Record<string, number>> = {};
  const blockedByStage: Partial<Record<string, number>> = {};
  const categories = new Set<string>();
  let units = 0;
  for (const l of assessment.lines) {
    addStages(unitsByStage, l.byStage);
    addStages(blockedByStage, l.blockedByStage);
    units += l.requestedQuantity;
    const category = lines.find((x) => x.id === l.orderLineId)?.category;
    if (category && l.requestedQuantity > 0) categories.add(category);
  }
  const facts: ApprovalFacts = {
    requestType,
    currency: order.currency,
    orderValue: order.total,
    units,
    unitsByStage,
    blockedByStage,
    customerType: order.customerType,
    categories: [...categories],
    orderAgeMinutes: Math.max(0, Math.floor((now.getTime() - order.createdAt.getTime()) / 60_000)),
  };
  const evaluation = await evaluateForSubject(tx, facts);
  return {
    ...assessment,
    requiredApprovals: evaluation.required.map((t) => ({
      level: t.level,
      rule: t.ruleId,
      ruleName: t.ruleName,
      reason: t.reason,
      expiresAfterMinutes: t.expiresAfterMinutes,
    })),
    autoApproved: evaluation.autoApproved.map((a) => ({ rule: a.ruleId, ruleName: a.ruleName, level: a.level, reason: a.reason })),
  };
}
