import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { validationFailed } from "../../../platform/errors.ts";

export const REASON_KINDS = ["CANCELLATION", "AMENDMENT", "RETURN", "SUPPLEMENTAL"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

const WHAT: Record<ReasonKind, string> = {
  CANCELLATION: "reason code",
  AMENDMENT: "amendment reason code",
  RETURN: "return reason code",
  SUPPLEMENTAL: "supplemental order reason code",
};

/** A buyer acting as a buyer (no store, approval or OPS role): offered, and held to, buyer-visible reasons only. */
export function actsAsBuyer(actor: Pick<Actor, "roles">): boolean {
  return actor.roles.has("BUYER") && !actor.roles.has("SELLER") && !actor.roles.has("OPS") && !actor.roles.has("APPROVER");
}

/**
 * A change request's reason must be an active catalogue entry of its kind, and one buyers may give
 * when a buyer gives it; otherwise 422 on `reasonCode` and nothing is stored.
 */
export async function assertReasonCode(tx: Tx, code: string, kind: ReasonKind, actor?: Pick<Actor, "roles">) {
  const reason = await tx.reasonCode.findUnique({ where: { code } });
  if (!reason || !reason.active || reason.appliesTo !== kind) {
    throw validationFailed([{ path: "reasonCode", message: `unknown ${WHAT[kind]} ${code}` }], "Unknown reason code");
  }
  if (actor && actsAsBuyer(actor) && !reason.buyerVisible) {
    throw validationFailed([{ path: "reasonCode", message: `${code} is not a reason buyers can give; choose another` }], "Reason not available to buyers");
  }
}

/** The active reasons of a kind the actor may choose from, in catalogue order. */
export async function reasonChoices(db: Db, actor: Pick<Actor, "roles">, kind: ReasonKind): Promise<{ code: string; label: string }[]> {
  const rows = await db.reasonCode.findMany({
    where: { active: true, appliesTo: kind, ...(actsAsBuyer(actor) ? { buyerVisible: true } : {}) },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, label: true },
  });
  return rows;
}
