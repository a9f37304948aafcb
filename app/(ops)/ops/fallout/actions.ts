"use server";
// Server actions of the fallout case page, through the action wrapper
// (lib/platform/actions/define-action.ts): retry the task, resolve with evidence, abandon with a
// reason. Every one is audited on the order.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { AbandonFallout, ResolveFallout } from "@/lib/modules/compensation/contracts/fallout";
import { abandonFalloutCase, resolveFalloutCase, retryFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";
import { defineAction, FormId, pagesShowing } from "@/lib/platform/actions/define-action";
import { formRawText } from "@/lib/platform/actions/action-result";

const CaseRef = z.object({ caseId: FormId });
const MESSAGES = { CONFLICT: true, NOT_FOUND: "This fallout case no longer exists." } as const;

export const retryCaseAction = defineAction({
  name: "retryFalloutCase",
  ref: CaseRef,
  messages: MESSAGES,
  run: (actor, _input, ref) => retryFalloutCase(db(), actor, ref.caseId),
  revalidate: ({ result }) => pagesShowing.falloutCase(result),
  onSuccess: (c) => {
    const outcome =
      c.status === "RESOLVED" ? "it worked; the case is resolved" : c.status === "OPEN" ? `it failed again: ${c.task?.lastError ?? c.reason}` : `the task is ${c.task?.status.toLowerCase() ?? "waiting"}`;
    return { ok: true, message: `Retried ${c.number}: ${outcome}.` };
  },
});

export const resolveCaseAction = defineAction({
  name: "resolveFalloutCase",
  ref: CaseRef,
  input: (form) => ({ evidence: formRawText(form, "evidence") }),
  schema: ResolveFallout,
  messages: MESSAGES,
  run: (actor, input, ref) => resolveFalloutCase(db(), actor, ref.caseId, input),
  revalidate: ({ result }) => pagesShowing.falloutCase(result),
  onSuccess: (c) => ({ ok: true, message: `${c.number} resolved.` }),
});

export const abandonCaseAction = defineAction({
  name: "abandonFalloutCase",
  ref: CaseRef,
  input: (form) => ({ reason: formRawText(form, "reason") }),
  schema: AbandonFallout,
  messages: MESSAGES,
  run: (actor, input, ref) => abandonFalloutCase(db(), actor, ref.caseId, input),
  revalidate: ({ result }) => pagesShowing.falloutCase(result),
  onSuccess: (c) => ({ ok: true, message: `${c.number} abandoned.` }),
});
