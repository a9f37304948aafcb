"use server";
// Server action of the OPS amendment safety matrix page: the whole matrix is saved at once against
// the version the form was made from (compare-and-set); the command audits before and after.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { SafetyMatrixSchema } from "@/lib/modules/amendments/contracts/safety-matrix";
import { saveSafetyPolicy } from "@/lib/modules/amendments/server/safety-policy";
import { defineAction, pagesShowing } from "@/lib/platform/actions/define-action";
import { matrixFieldOf, matrixFromForm } from "@/lib/ui/safety-matrix";

export const saveSafetyMatrixAction = defineAction({
  name: "saveAmendmentSafetyMatrix",
  ref: z.object({ version: z.coerce.number().int().nonnegative() }),
  input: (form) => matrixFromForm(form),
  schema: SafetyMatrixSchema,
  toField: matrixFieldOf,
  messages: {
    VERSION_MISMATCH: "Someone else changed the matrix after you opened it. Reload the page to see their change, then edit again.",
    VALIDATION_FAILED: "Please correct the highlighted cells. Nothing was saved.",
  },
  run: (actor, matrix, ref) => saveSafetyPolicy(db(), actor, { matrix, expectedVersion: ref.version }),
  revalidate: () => pagesShowing.amendmentPolicy(),
  onSuccess: (policy) => ({ ok: true, message: `Safety matrix saved (version ${policy.version}).` }),
});
