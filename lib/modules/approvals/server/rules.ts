import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { notFound, validationFailed } from "../../../platform/errors.ts";
import { parseApprovalRule, ruleFromRow, type ApprovalRule, type ApprovalRuleInput } from "../domain/rules.ts";
import { DEFAULT_APPROVAL_RULES } from "../domain/default-rules.ts";
import { byPriority } from "../domain/evaluate.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import { audit, changeRule, ruleData, toView, type ApprovalRuleView } from "./rule-rows.ts";

export type { ApprovalRuleView } from "./rule-rows.ts";

/**
 * The rules evaluation uses: the active stored rules, or the default rules (the same set a fresh
 * install stores) while no rule was ever stored. Once any rule is stored — even one later
 * deactivated — the table is the whole truth.
 */
export async function loadEffectiveRules(tx: Tx): Promise<ApprovalRule[]> {
  const rows = await tx.approvalRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] });
  if (rows.length === 0) return [...DEFAULT_APPROVAL_RULES];
  return rows.filter((r) => r.active).map(ruleFromRow).sort(byPriority);
}

export async function listApprovalRules(db: Db, actor: Actor): Promise<ApprovalRuleView[]> {
  authorize(actor, "approval.rules.manage");
  const rows = await db.approvalRule.findMany({ orderBy: [{ active: "desc" }, { priority: "asc" }, { id: "asc" }] });
  return rows.map(toView);
}

export async function getApprovalRule(db: Db, actor: Actor, id: string): Promise<ApprovalRuleView> {
  authorize(actor, "approval.rules.manage");
  const row = await db.approvalRule.findUnique({ where: { id } });
  if (!row) throw notFound("Approval rule");
  return toView(row);
}

export async function listApprovalRuleChanges(db: Db, actor: Actor, ruleId?: string, limit = 50) {
  authorize(actor, "approval.rules.manage");
  const rows = await db.approvalRuleChange.findMany({ where: ruleId ? { ruleId } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({ id: r.id, ruleId: r.ruleId, action: r.action, actor: r.actorLabel, before: r.before, after: r.after, createdAt: r.createdAt.toISOString() }));
}

function parseOrThrow(input: unknown): ApprovalRuleInput {
  const parsed = parseApprovalRule(input);
  if (!parsed.ok) throw validationFailed(parsed.errors, "The approval rule is not valid");
  return parsed.rule;
}

/** Stores a new rule after the last one (or at `priority`); invalid criteria are field errors and nothing is saved. */
export async function createApprovalRule(db: Db, actor: Actor, input: unknown, options: { priority?: number } = {}): Promise<ApprovalRuleView> {
  authorize(actor, "approval.rules.manage");
  const rule = parseOrThrow(input);
  return inTransaction(db, async (tx) => {
    const last = await tx.approvalRule.findFirst({ orderBy: { priority: "desc" } });
    const priority = options.priority ?? (last ? last.priority + 10 : 10);
    const row = await tx.approvalRule.create({ data: { ...ruleData(rule), priority } });
    await audit(tx, actor, row.id, "CREATED", null, row);
    return toView(row);
  });
}

/** Replaces the rule's definition (priority is changed by reordering). Pass the version you edited to refuse lost updates. */
export async function updateApprovalRule(db: Db, actor: Actor, id: string, input: unknown, options: { expectedVersion?: number } = {}): Promise<ApprovalRuleView> {
  authorize(actor, "approval.rules.manage");
  const rule = parseOrThrow(input);
  return toView(await inTransaction(db, (tx) => changeRule(tx, actor, id, options.expectedVersion, "UPDATED", ruleData(rule))));
}

/** Rules are never deleted (tasks and the audit point at them); a deactivated rule stops matching. */
export async function setApprovalRuleActive(db: Db, actor: Actor, id: string, active: boolean): Promise<ApprovalRuleView> {
  authorize(actor, "approval.rules.manage");
  return toView(
    await inTransaction(db, async (tx) => {
      const row = await tx.approvalRule.findUnique({ where: { id } });
      if (!row) throw notFound("Approval rule");
      if (row.active === active) return row;
      return changeRule(tx, actor, id, undefined, active ? "ACTIVATED" : "DEACTIVATED", { active });
    }),
  );
}

/** Moves a rule one place up or down among all rules, swapping priorities with its neighbour. */
export async function moveApprovalRule(db: Db, actor: Actor, id: string, direction: "UP" | "DOWN"): Promise<ApprovalRuleView[]> {
  authorize(actor, "approval.rules.manage");
  const ids = (await db.approvalRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }], select: { id: true } })).map((r) => r.id);
  const i = ids.indexOf(id);
  if (i < 0) throw notFound("Approval rule");
  const j = direction === "UP" ? i - 1 : i + 1;
  if (j < 0 || j >= ids.length) return listApprovalRules(db, actor);
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  return reorderApprovalRules(db, actor, ids);
}

/** Sets priorities 10, 20, 30… in the given order; the list must name every rule exactly once. */
export async function reorderApprovalRules(db: Db, actor: Actor, orderedIds: readonly string[]): Promise<ApprovalRuleView[]> {
  authorize(actor, "approval.rules.manage");
  await inTransaction(db, async (tx) => {
    const rows = await tx.approvalRule.findMany();
    const known = new Set(rows.map((r) => r.id));
    const given = new Set(orderedIds);
    if (given.size !== orderedIds.length || given.size !== known.size || [...given].some((g) => !known.has(g))) {
      throw validationFailed([{ path: "order", message: "list every rule exactly once" }], "The new order must list every rule exactly once");
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of orderedIds.entries()) {
      const priority = (i + 1) * 10;
      if (byId.get(id)!.priority === priority) continue;
      await changeRule(tx, actor, id, undefined, "REORDERED", { priority });
    }
  });
  return listApprovalRules(db, actor);
}

/**
 * Stores the default rules (SPEC §5 and the §4.2 stage defaults) under their stable ids when no
 * rule was ever stored; afterwards it does nothing, so OPS's changes stay. One transaction: either
 * every default is stored, audited as created by the system, or none. Instances starting at once
 * race on the same primary keys; the loser's transaction re-runs, finds the rules and stores nothing.
 */
export async function installDefaultApprovalRules(db: Db): Promise<number> {
  const actor = systemActor("Countermand install");
  return inTransaction(db, async (tx) => {
    if ((await tx.approvalRule.count()) > 0) return 0;
    for (const rule of DEFAULT_APPROVAL_RULES) {
      const row = await tx.approvalRule.create({ data: { id: rule.id, priority: rule.priority, ...ruleData(rule) } });
      await audit(tx, actor, row.id, "CREATED", null, row);
    }
    return DEFAULT_APPROVAL_RULES.length;
  });
}
