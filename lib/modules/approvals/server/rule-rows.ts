// How approval rules are stored: the row ↔ rule mapping, the audit trail of every change, and the
// version compare-and-set every change goes through.
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { ruleFromRow, type ApprovalRule, type ApprovalRuleInput } from "../domain/rules.ts";
import { WriteContention } from "../../../platform/db/tx.ts";

export type RuleRow = Awaited<ReturnType<Tx["approvalRule"]["findFirstOrThrow"]>>;

export type ApprovalRuleView = ApprovalRule & {
  version: number;
  createdAt: string;
  updatedAt: string;
};

export function toView(row: RuleRow): ApprovalRuleView {
  return { ...ruleFromRow(row), version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The audited shape of a rule: what OPS can change, nothing derived. */
function auditShape(row: RuleRow) {
  return {
    name: row.name,
    type: row.type,
    criteria: row.criteria,
    level: row.level,
    priority: row.priority,
    active: row.active,
    autoApprove: row.autoApprove,
    onExpiry: row.onExpiry,
    onFinalExpiry: row.onFinalExpiry,
    expiresAfterMinutes: row.expiresAfterMinutes,
    version: row.version,
  };
}

export async function audit(tx: Tx, actor: Actor, ruleId: string, action: string, before: RuleRow | null, after: RuleRow | null) {
  await tx.approvalRuleChange.create({
    data: {
      ruleId,
      action,
      actorId: actor.userId,
      actorLabel: actorLabel(actor),
      before: before ? (JSON.parse(JSON.stringify(auditShape(before))) as object) : undefined,
      after: after ? (JSON.parse(JSON.stringify(auditShape(after))) as object) : undefined,
    },
  });
}

export function ruleData(rule: ApprovalRuleInput) {
  return {
    name: rule.name,
    type: rule.type,
    criteria: JSON.parse(JSON.stringify(rule.criteria)) as object,
    level: rule.level,
    active: rule.active,
    // `{}` stores "no auto-approval" (the schema refuses an empty condition set as input), which
    // avoids engine-specific JSON-null markers.
    autoApprove: (rule.autoApprove ? JSON.parse(JSON.stringify(rule.autoApprove)) : {}) as object,
    onExpiry: rule.onExpiry,
    onFinalExpiry: rule.onFinalExpiry,
    expiresAfterMinutes: rule.expiresAfterMinutes,
  };
}

/** Applies `data` to the rule at the version read (or the `expectedVersion` the caller edited), bumps the version and audits the change. */
export async function changeRule(tx: Tx, actor: Actor, id: string, expectedVersion: number | undefined, action: string, data: object) {
  const before = await tx.approvalRule.findUnique({ where: { id } });
  if (!before) throw notFound("Approval rule");
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw new DomainError("VERSION_MISMATCH", `The rule changed: you edited version ${expectedVersion}, it is now ${before.version}`, { currentVersion: before.version });
  }
  const { count } = await tx.approvalRule.updateMany({ where: { id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) {
    if (expectedVersion !== undefined) throw new DomainError("VERSION_MISMATCH", "The rule changed while you edited it", {});
    throw new WriteContention(`approval rule ${id}`);
  }
  const after = await tx.approvalRule.findUniqueOrThrow({ where: { id } });
  await audit(tx, actor, id, action, before, after);
  return after;
}
