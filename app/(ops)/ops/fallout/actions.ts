"use server";
// Server actions of the fallout case page: retry the task, resolve with evidence, abandon with a
// reason. Parse with the shared schemas → actor → one command → result; every one is audited on the order.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AbandonFallout, ResolveFallout } from "@/lib/contracts/fallout";
import { abandonFalloutCase, resolveFalloutCase, retryFalloutCase } from "@/lib/server/fallout/fallout-cases";
import { failureFrom, formText, friendlyErrors, zodFailure, type ActionState } from "@/lib/ui/action-result";

const CaseRef = z.object({ caseId: z.string().min(1).max(100) });
const STALE_FORM = "This form is out of date. Reload the page and try again.";
const MESSAGES = { CONFLICT: true, NOT_FOUND: "This fallout case no longer exists." } as const;

function rawText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

function revalidateCase(c: { id: string; orderId: string }) {
  revalidatePath("/ops/fallout");
  revalidatePath(`/ops/fallout/${c.id}`);
  revalidatePath(`/seller/orders/${c.orderId}`);
  revalidatePath(`/orders/${c.orderId}`);
}

export async function retryCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = CaseRef.safeParse({ caseId: formText(form, "caseId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const actor = await requireActor();
  try {
    const c = await retryFalloutCase(db(), actor, ref.data.caseId);
    revalidateCase(c);
    const outcome =
      c.status === "RESOLVED" ? "it worked; the case is resolved" : c.status === "OPEN" ? `it failed again: ${c.task?.lastError ?? c.reason}` : `the task is ${c.task?.status.toLowerCase() ?? "waiting"}`;
    return { ok: true, message: `Retried ${c.number}: ${outcome}.` };
  } catch (e) {
    return failureFrom(e, "retryFalloutCase", undefined, MESSAGES);
  }
}

export async function resolveCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = CaseRef.safeParse({ caseId: formText(form, "caseId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const parsed = ResolveFallout.safeParse({ evidence: rawText(form, "evidence") }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  try {
    const c = await resolveFalloutCase(db(), actor, ref.data.caseId, parsed.data);
    revalidateCase(c);
    return { ok: true, message: `${c.number} resolved.` };
  } catch (e) {
    return failureFrom(e, "resolveFalloutCase", undefined, MESSAGES);
  }
}

export async function abandonCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = CaseRef.safeParse({ caseId: formText(form, "caseId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const parsed = AbandonFallout.safeParse({ reason: rawText(form, "reason") }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  try {
    const c = await abandonFalloutCase(db(), actor, ref.data.caseId, parsed.data);
    revalidateCase(c);
    return { ok: true, message: `${c.number} abandoned.` };
  } catch (e) {
    return failureFrom(e, "abandonFalloutCase", undefined, MESSAGES);
  }
}
