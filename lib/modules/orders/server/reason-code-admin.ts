import type { Db, Tx } from "../../../platform/db/client.ts";
import { actorLabel, authorize, type Actor } from "../../../platform/auth/actor.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { REASON_CODE_KINDS, type NewReasonCode, type ReasonCodeEdit, type ReasonCodeView } from "../contracts/reason-codes.ts";

type Row = { code: string; label: string; appliesTo: string; buyerVisible: boolean; active: boolean; version: number };

function view(r: Row): ReasonCodeView {
  const kind = (REASON_CODE_KINDS as readonly string[]).includes(r.appliesTo) ? r.appliesTo : "CANCELLATION";
  return { code: r.code, label: r.label, appliesTo: kind as ReasonCodeView["appliesTo"], buyerVisible: r.buyerVisible, active: r.active, version: r.version };
}

const SELECT = { code: true, label: true, appliesTo: true, buyerVisible: true, active: true, version: true } as const;

async function audit(tx: Tx, actor: Actor, code: string, action: string, before: ReasonCodeView | null, after: ReasonCodeView) {
  await tx.reasonCodeChange.create({
    data: { code, action, actorId: actor.userId, actorLabel: actorLabel(actor), before: before ? { ...before } : undefined, after: { ...after } },
  });
}

/** The whole catalogue (inactive entries too), by kind and catalogue order. */
export async function listReasonCodeCatalogue(db: Db, actor: Actor): Promise<ReasonCodeView[]> {
  authorize(actor, "reasoncode.manage");
  const rows = await db.reasonCode.findMany({ select: SELECT, orderBy: [{ appliesTo: "asc" }, { sortOrder: "asc" }, { code: "asc" }] });
  return rows.map(view);
}

/** A new entry, last in its kind's order; an existing code → 422 on `code`. Audited. */
export async function createReasonCode(db: Db, actor: Actor, input: NewReasonCode): Promise<ReasonCodeView> {
  authorize(actor, "reasoncode.manage");
  return inTransaction(db, async (tx) => {
    if (await tx.reasonCode.findUnique({ where: { code: input.code }, select: { code: true } })) {
      throw validationFailed([{ path: "code", message: `${input.code} exists already` }], "Reason code exists");
    }
    const last = await tx.reasonCode.aggregate({ where: { appliesTo: input.appliesTo }, _max: { sortOrder: true } });
    const row = await tx.reasonCode.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: SELECT });
    await audit(tx, actor, row.code, "CREATED", null, view(row));
    return view(row);
  });
}

/**
 * Changes an entry's label, buyer visibility and active flag, compare-and-set on the version the
 * form was made from (someone else's change since → 412, nothing saved). Audited before/after.
 * A deactivated reason is no longer offered or accepted; requests that gave it keep it.
 */
export async function updateReasonCode(db: Db, actor: Actor, code: string, input: ReasonCodeEdit, expectedVersion: number): Promise<ReasonCodeView> {
  authorize(actor, "reasoncode.manage");
  return inTransaction(db, async (tx) => {
    const before = await tx.reasonCode.findUnique({ where: { code }, select: SELECT });
    if (!before) throw notFound("Reason code");
    const { count } = await tx.reasonCode.updateMany({ where: { code, version: expectedVersion }, data: { ...input, version: { increment: 1 } } });
    if (count !== 1) throw new DomainError("VERSION_MISMATCH", `${code} was changed by someone else after this form was opened`);
    const after = view(await tx.reasonCode.findUniqueOrThrow({ where: { code }, select: SELECT }));
    await audit(tx, actor, code, before.active && !input.active ? "DEACTIVATED" : !before.active && input.active ? "ACTIVATED" : "UPDATED", view(before), after);
    return after;
  });
}

/** The latest catalogue changes, newest first. */
export async function listReasonCodeChanges(db: Db, actor: Actor, take = 20) {
  authorize(actor, "reasoncode.manage");
  return db.reasonCodeChange.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
