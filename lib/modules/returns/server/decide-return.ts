import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { decideApproval } from "../../approvals/server/decide.ts";
import type { ReturnViewT } from "../contracts/returns.ts";
import { RETURN_SUBJECT } from "./approval-subject.ts";
import { getReturn } from "./queries.ts";

/** Signs the return's approvals this approver may sign (the one decision command); the last one lets it await its units. */
export async function approveReturn(db: Db, actor: Actor, returnId: string, input: { comment?: string }): Promise<ReturnViewT> {
  await decideApproval(db, actor, { type: RETURN_SUBJECT, id: returnId }, { decision: "APPROVE", comment: input.comment });
  return getReturn(db, actor, returnId);
}

/** Rejects the return (a comment is required): it ends, its units are free again. */
export async function rejectReturn(db: Db, actor: Actor, returnId: string, input: { comment: string }): Promise<ReturnViewT> {
  await decideApproval(db, actor, { type: RETURN_SUBJECT, id: returnId }, { decision: "REJECT", comment: input.comment });
  return getReturn(db, actor, returnId);
}
