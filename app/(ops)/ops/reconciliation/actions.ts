"use server";
// Server action of the OPS reconciliation page: run the periodic reconciliation now.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { runReconciliationNow } from "@/lib/modules/checks/server/run-reconciliation";
import { defineAction } from "@/lib/platform/actions/define-action";

export const runReconciliationAction = defineAction({
  name: "runReconciliation",
  ref: z.object({}),
  input: () => ({}),
  schema: z.object({}),
  run: (actor) => runReconciliationNow(db(), actor),
  revalidate: () => ["/ops/reconciliation"],
  onSuccess: (r) =>
    r.done
      ? { ok: true, message: r.findings === 0 ? "Reconciliation ran: everything reconciles." : `Reconciliation ran: ${r.findings} inconsistenc${r.findings === 1 ? "y" : "ies"} found.` }
      : { ok: true, message: `Reconciliation did not finish: ${r.error}. The periodic run will try again.` },
});
