import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import { DomainError, validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { DEFAULT_SAFETY_MATRIX, type SafetyMatrix } from "../domain/safety-matrix.ts";
import { parseSafetyMatrix } from "../contracts/safety-matrix.ts";

const POLICY_ID = "default";

export interface SafetyPolicy {
  matrix: SafetyMatrix;
  /** 0 while the product defaults apply (nothing stored yet); the compare-and-set token of an edit. */
  version: number;
  updatedAt: string | null;
}

/** The matrix amendments are assessed with: the stored one, else the defaults of SPEC §6. */
export async function loadSafetyPolicy(db: Db | Tx): Promise<SafetyPolicy> {
  const row = await db.amendmentPolicy.findUnique({ where: { id: POLICY_ID } });
  if (!row) return { matrix: DEFAULT_SAFETY_MATRIX, version: 0, updatedAt: null };
  const parsed = parseSafetyMatrix(row.matrix);
  if (!parsed.success) throw new Error(`The stored amendment safety matrix does not match its schema: ${parsed.error.message}`);
  return { matrix: parsed.data, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

function fieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

const json = (m: SafetyMatrix) => JSON.parse(JSON.stringify(m)) as object;

/**
 * Replaces the matrix (OPS). `expectedVersion` is the version the editor saw (0 for the defaults):
 * if someone saved in between, nothing is saved and the caller gets 412 with the current version.
 * Every save is audited with the matrix before and after. Amendments assessed under the old matrix
 * fail at apply (the cells they read are in their fingerprint).
 */
export async function saveSafetyPolicy(db: Db, actor: Actor, input: { matrix: unknown; expectedVersion: number }): Promise<SafetyPolicy> {
  authorize(actor, "amendment.policy.manage");
  const parsed = parseSafetyMatrix(input.matrix);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error), "The safety matrix is not valid");
  return inTransaction(db, async (tx) => {
    const current = await loadSafetyPolicy(tx);
    const stale = () =>
      new DomainError("VERSION_MISMATCH", `The safety matrix changed: you edited version ${input.expectedVersion}, it is now ${current.version}`, {
        currentVersion: current.version,
      });
    if (current.version !== input.expectedVersion) throw stale();
    const version = current.version + 1;
    if (current.version === 0) {
      await tx.amendmentPolicy.create({ data: { id: POLICY_ID, version, matrix: json(parsed.data), updatedById: actor.userId } }).catch((e: unknown) => {
        throw (e as { code?: string }).code === "P2002" ? stale() : e;
      });
    } else {
      const { count } = await tx.amendmentPolicy.updateMany({
        where: { id: POLICY_ID, version: current.version },
        data: { version, matrix: json(parsed.data), updatedById: actor.userId },
      });
      if (count !== 1) throw stale();
    }
    // (policyId, version) is unique: of two first saves racing, one insert fails and rolls back.
    await tx.amendmentPolicyChange.create({
      data: { policyId: POLICY_ID, version, actorId: actor.userId, actorLabel: actorLabel(actor), before: json(current.matrix), after: json(parsed.data) },
    });
    return { matrix: parsed.data, version, updatedAt: new Date().toISOString() };
  });
}

/** The edits of the matrix, newest first. */
export async function listSafetyPolicyChanges(db: Db, actor: Actor, limit = 20) {
  authorize(actor, "amendment.policy.manage");
  const rows = await db.amendmentPolicyChange.findMany({ where: { policyId: POLICY_ID }, orderBy: { version: "desc" }, take: limit });
  return rows.map((r) => ({ version: r.version, by: r.actorLabel, at: r.createdAt.toISOString(), before: r.before, after: r.after }));
}
