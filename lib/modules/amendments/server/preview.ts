import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { cancellableStores, inStores } from "../../orders/server/scope.ts";
import { forStores } from "./queries.ts";
import type { AmendmentPreviewT, PreviewAmendmentRequestInput } from "../contracts/amendments.ts";
import { assessAmendmentForActor, type ActorAssessment } from "./assess-for-actor.ts";
import { loadAmendable } from "./amendable-order.ts";

export type { AmendmentPreviewT };

/** The assessment as the API shows it (a preview, a stored request, a 409 AMENDMENT_BLOCKED body). */
export function previewView(a: ActorAssessment): AmendmentPreviewT {
  return {
    orderVersion: a.orderVersion,
    fingerprint: a.fingerprint,
    assessment: {
      feasibility: a.feasibility,
      blockers: a.blockers,
      requiredApprovals: a.requiredApprovals.map(({ level, rule, reason }) => ({ level, rule, reason })),
    },
    changes: a.changes.map(({ path, op, oldValue, newValue, command, direction, orderLineId, classification, phase, safety, approvalLevel, blocker }) => ({
      path, op, oldValue, newValue, command, direction, orderLineId, classification, phase, safety, approvalLevel, blocker,
    })),
    impact: a.impact,
  };
}

/** What an amendment would do to the order now; stores nothing (a BLOCKED change is shown, not refused). */
export async function previewAmendment(
  db: Db,
  actor: Actor,
  orderId: string,
  input: PreviewAmendmentRequestInput,
  options: { expectedVersion?: number } = {},
): Promise<AmendmentPreviewT> {
  authorize(actor, "amendment.request");
  const loaded = await loadAmendable(db, actor, orderId);
  const current = loaded.row.version;
  if (options.expectedVersion !== undefined && options.expectedVersion !== current) {
    throw new DomainError("VERSION_MISMATCH", `The order changed: you sent version ${options.expectedVersion}, it is now ${current}`, { currentVersion: current });
  }
  const view = previewView(await assessAmendmentForActor(db, actor, loaded, input.changes));
  // A seller who holds only part of the order sees no split across its payments (they cover other stores' lines).
  const stores = cancellableStores(actor, loaded.row);
  const whole = stores === "all" || loaded.lines.every((l) => inStores(stores, l.storeId));
  return forStores(view, whole ? "all" : stores);
}
