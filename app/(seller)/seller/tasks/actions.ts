"use server";
// Server actions of the seller's task list: confirm a manual compensation step with evidence, or
// report that it could not be done. Parse with the shared schema → actor → one command → result.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { CompleteTask, FailTask } from "@/lib/contracts/cancellations";
import { completeCompensationTask, failCompensationTask } from "@/lib/server/cancellations/compensation-tasks";
import { failureFrom, formText, friendlyErrors, zodFailure, type ActionState } from "@/lib/ui/action-result";
import { taskTypeLabel } from "@/lib/ui/cancellation";

const TaskRef = z.object({ taskId: z.string().min(1).max(100) });
const STALE_FORM = "This form is out of date. Reload the page and try again.";
const MESSAGES = { CONFLICT: true, NOT_FOUND: "This task is no longer available to you." } as const;

function rawText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
}

function revalidateTask(orderId: string) {
  revalidatePath("/seller/tasks");
  revalidatePath(`/seller/orders/${orderId}`);
  revalidatePath(`/seller/orders/${orderId}/fulfil`);
  revalidatePath(`/orders/${orderId}`);
}

/** The manual step (recall from the warehouse, return to stock) was done: say how. */
export async function completeTaskAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = TaskRef.safeParse({ taskId: formText(form, "taskId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const parsed = CompleteTask.safeParse({ evidence: rawText(form, "evidence") }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  try {
    const task = await completeCompensationTask(db(), actor, ref.data.taskId, parsed.data);
    revalidateTask(task.orderId);
    return { ok: true, message: `${taskTypeLabel(task.type)} of ${task.quantity ?? ""} × ${task.sku ?? "units"} on order ${task.orderNumber} confirmed.` };
  } catch (e) {
    return failureFrom(e, "completeCompensationTask", undefined, MESSAGES);
  }
}

/** The manual step could not be done: the request shows as failed with this reason. */
export async function failTaskAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = TaskRef.safeParse({ taskId: formText(form, "taskId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const parsed = FailTask.safeParse({ reason: rawText(form, "reason") }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  try {
    const task = await failCompensationTask(db(), actor, ref.data.taskId, parsed.data);
    revalidateTask(task.orderId);
    return { ok: true, message: `${taskTypeLabel(task.type)} of ${task.sku ?? "units"} on order ${task.orderNumber} reported as failed.` };
  } catch (e) {
    return failureFrom(e, "failCompensationTask", undefined, MESSAGES);
  }
}
