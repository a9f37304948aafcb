import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError, validationFailed } from "../../../platform/errors.ts";
import { approverLevelRank } from "../../../platform/auth/levels.ts";
import { assessCancellation } from "../../cancellations/domain/assess.ts";
import type { ApprovalFacts } from "../../approvals/domain/evaluate.ts";
import { evaluateForSubject } from "../../approvals/server/tasks.ts";
import { assessAmendment, type AmendmentAssessment, type RequiredApproval } from "../domain/assess.ts";
import type { RawChange } from "../domain/change-command.ts";
import { assertMayAmend, type LoadedOrder } from "./amendable-order.ts";
import { loadSafetyPolicy } from "./safety-policy.ts";

/** An approval the request needs: from the safety matrix / stage policy, or from an approval rule. */
export interface AmendmentApproval extends RequiredApproval {
  ruleName?: string;
  expiresAfterMinutes?: number | null;
}

export interface ActorAssessment extends Omit<AmendmentAssessment, "requiredApprovals"> {
  requiredApprovals: AmendmentApproval[];
}

/** The rules' refusals as typed errors: a stale oldValue is a 409, anything else a 422. */
function refusal(code: "VALIDATION_FAILED" | "STALE_VALUE", errors: { path: string; message: string; currentValue?: unknown }[]) {
  if (code === "STALE_VALUE") {
    const stale = errors.filter((e) => "currentValue" in e);
    return new DomainError("STALE_VALUE", stale.map((e) => e.message).join("; ") || "A change's oldValue is not the order's current value", { errors: stale });
  }
  return validationFailed(errors.map(({ path, message }) => ({ path, message })), errors.map((e) => e.message).join("; ") || "The amendment is not valid");
}

/** Fills each decrease's refund from the cancellation engine (SPEC §4.5), and returns the units it takes by stage. */
function withDecreaseRefunds(assessment: AmendmentAssessment, loaded: LoadedOrder) {
  const requested = assessment.impact.lines.flatMap((l) => (l.cancellation ? [{ orderLineId: l.orderLineId, quantity: l.cancellation.quantity }] : []));
  const unitsByStage: Partial<Record<string, number>> = {};
  if (!requested.length) return { assessment, unitsByStage };
  const result = assessCancellation({
    lines: loaded.amendable.lines,
    requested,
    tenders: loaded.tenders,
    orderRefundedTotal: loaded.orderRefundedTotal,
  });
  if (!result.ok) throw validationFailed(result.errors.map((e) => ({ path: "changes", message: e.message })));
  for (const l of result.assessment.lines) for (const [stage, n] of Object.entries(l.byStage)) unitsByStage[stage] = (unitsByStage[stage] ?? 0) + (n ?? 0);
  const refundOf = new Map(result.assessment.lines.map((l) => [l.orderLineId, l.refund]));
  const lines = assessment.impact.lines.map((l) =>
    l.cancellation ? { ...l, cancellation: { ...l.cancellation, refund: refundOf.get(l.orderLineId) ?? null } } : l,
  );
  return { assessment: { ...assessment, impact: { ...assessment.impact, lines } }, unitsByStage };
}

/** SPEC §6: the approval rules apply to amendments too, with the change's own value and units as facts. */
async function ruleApprovals(tx: Tx, assessment: AmendmentAssessment, loaded: LoadedOrder, unitsByStage: Partial<Record<string, number>>, now: Date) {
  const touched = new Set(assessment.changes.map((c) => c.orderLineId).filter((id): id is string => id !== null));
  const facts: ApprovalFacts = {
    requestType: "AMENDMENT",
    currency: loaded.row.currency,
    orderValue: assessment.facts.value,
    units: assessment.facts.units,
    unitsByStage,
    blockedByStage: {},
    customerType: loaded.row.customerType,
    categories: [...new Set(loaded.lines.filter((l) => touched.has(l.id)).map((l) => l.category))],
    orderAgeMinutes: Math.max(0, Math.floor((now.getTime() - loaded.row.createdAt.getTime()) / 60_000)),
  };
  const evaluation = await evaluateForSubject(tx, facts);
  return evaluation.required.map(
    (t): AmendmentApproval => ({ level: t.level, rule: t.ruleId, ruleName: t.ruleName, reason: t.reason, expiresAfterMinutes: t.expiresAfterMinutes }),
  );
}

/** A substitution names an item of the catalogue: an unknown SKU is a field error of its change (422). */
async function assertKnownSkus(tx: Tx, changes: AmendmentAssessment["changes"]) {
  const substitutions = changes.filter((c) => c.command === "SubstituteItem");
  if (!substitutions.length) return;
  const skus = substitutions.map((c) => String(c.newValue));
  const known = new Set((await tx.item.findMany({ where: { sku: { in: skus } }, select: { sku: true } })).map((i) => i.sku));
  const unknown = substitutions.filter((c) => !known.has(String(c.newValue)));
  if (unknown.length) {
    throw validationFailed(unknown.map((c) => ({ path: `changes[${c.index}].newValue`, message: `unknown SKU ${String(c.newValue)}` })), "The substitute item is not in the catalogue");
  }
}

const FEASIBILITY_RANK = ["ALLOWED", "REQUIRES_REPLANNING", "REQUIRES_APPROVAL", "MANUAL_REVIEW", "BLOCKED"] as const;

/**
 * Assesses an amendment against the order as loaded, for this actor: the pure rules decide each
 * change; this adds the decreases' refunds, the approval rules' tasks, and the actor's reach.
 */
export async function assessAmendmentForActor(tx: Tx, actor: Actor, loaded: LoadedOrder, changes: readonly RawChange[], now = new Date()): Promise<ActorAssessment> {
  const { matrix } = await loadSafetyPolicy(tx);
  const result = assessAmendment({ order: loaded.amendable, changes, tenders: loaded.tenders, orderRefundedTotal: loaded.orderRefundedTotal, matrix });
  if (!result.ok) throw refusal(result.code, result.errors);
  await assertKnownSkus(tx, result.assessment.changes);
  const lineIds = result.assessment.changes.flatMap((c) => (c.orderLineId ? [c.orderLineId] : []));
  assertMayAmend(actor, loaded.row, loaded.lines, { orderLevel: result.assessment.changes.some((c) => c.orderLineId === null), lineIds });
  if (!actor.roles.has("OPS") && !actor.roles.has("SELLER") && result.assessment.changes.some((c) => c.command === "ChangeUnitPrice")) {
    throw new DomainError("FORBIDDEN", "Only the seller or operations can change a unit price");
  }
  const { assessment, unitsByStage } = withDecreaseRefunds(result.assessment, loaded);
  const fromRules = assessment.feasibility === "BLOCKED" ? [] : await ruleApprovals(tx, assessment, loaded, unitsByStage, now);
  const requiredApprovals = [...assessment.requiredApprovals, ...fromRules].sort((a, b) => approverLevelRank(a.level) - approverLevelRank(b.level));
  const lifted = fromRules.length && FEASIBILITY_RANK.indexOf(assessment.feasibility) < FEASIBILITY_RANK.indexOf("REQUIRES_APPROVAL");
  return { ...assessment, feasibility: lifted ? "REQUIRES_APPROVAL" : assessment.feasibility, requiredApprovals };
}
