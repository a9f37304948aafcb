import type { Tx } from "../../../platform/db/client.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { evaluateApprovalRules, type ApprovalFacts, type Evaluation } from "../domain/evaluate.ts";
import { expiresAt } from "../domain/escalation.ts";
import { ruleFromRow, type ApprovalRule } from "../domain/rules.ts";
import { loadEffectiveRules } from "./rules.ts";
import { DEFAULT_APPROVAL_RULES } from "../domain/default-rules.ts";

/** Evaluates the effective rules (stored, or the defaults while none is stored) against one subject's facts. */
export async function evaluateForSubject(tx: Tx, facts: ApprovalFacts): Promise<Evaluation & { rules: ApprovalRule[] }> {
  const rules = await loadEffectiveRules(tx);
  return { ...evaluateApprovalRules(facts, rules), rules };
}

export interface TaskToCreate {
  level: ApproverLevel;
  /** The causing rule's id. */
  rule: string;
  reason: string;
  expiresAfterMinutes?: number | null;
}

/** The rule as it was when the task was made: later edits of the rule do not change what was asked. */
async function snapshotOf(tx: Tx, ruleId: string, known: readonly ApprovalRule[]): Promise<object | null> {
  const stored = async () => {
    const row = await tx.approvalRule.findUnique({ where: { id: ruleId } });
    return row ? ruleFromRow(row) : undefined;
  };
  // A stored rule wins over the default of the same id (OPS may have edited it).
  const hit = known.find((r) => r.id === ruleId) ?? (await stored()) ?? DEFAULT_APPROVAL_RULES.find((r) => r.id === ruleId);
  if (!hit) return null;
  const { id, name, type, criteria, level, priority, autoApprove, onExpiry, onFinalExpiry, expiresAfterMinutes } = hit;
  return JSON.parse(JSON.stringify({ id, name, type, criteria, level, priority, autoApprove, onExpiry, onFinalExpiry, expiresAfterMinutes })) as object;
}

/**
 * Creates one PENDING task per required approval for any kind of subject (cancellation request,
 * amendment, supplemental order). (subjectType, subjectId, rule, level) is unique, so a replay
 * cannot ask twice.
 */
export async function createApprovalTasks(
  tx: Tx,
  subject: { type: string; id: string; orderId: string; requestedById: string },
  tasks: readonly TaskToCreate[],
  options: { now?: Date; rules?: readonly ApprovalRule[] } = {},
) {
  const now = options.now ?? new Date();
  const created = [];
  for (const t of tasks) {
    const snapshot = await snapshotOf(tx, t.rule, options.rules ?? []);
    created.push(
      await tx.approvalTask.create({
        data: {
          subjectType: subject.type,
          subjectId: subject.id,
          orderId: subject.orderId,
          level: t.level,
          status: "PENDING",
          rule: t.rule,
          reason: t.reason,
          requestedById: subject.requestedById,
          expiresAt: expiresAt(now, t.expiresAfterMinutes ?? null),
          ruleSnapshot: snapshot ?? undefined,
          createdAt: now,
        },
      }),
    );
  }
  return created;
}
