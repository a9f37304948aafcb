import type { Tx } from "../../../platform/db/client.ts";
import { validationFailed } from "../../../platform/errors.ts";

const WHAT = { CANCELLATION: "reason code", AMENDMENT: "amendment reason code", RETURN: "return reason code" } as const;

/** A change request's reason must be an active catalogue entry of its kind; otherwise 422 on `reasonCode`. */
export async function assertReasonCode(tx: Tx, code: string, kind: keyof typeof WHAT) {
  const reason = await tx.reasonCode.findUnique({ where: { code } });
  if (!reason || !reason.active || reason.appliesTo !== kind) {
    throw validationFailed([{ path: "reasonCode", message: `unknown ${WHAT[kind]} ${code}` }], "Unknown reason code");
  }
}
