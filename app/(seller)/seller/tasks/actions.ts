"use server";
// Server actions of the seller's task list, through the action wrapper
// (lib/platform/actions/define-action.ts): confirm a manual compensation step with evidence, or
// report that it could not be done.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CompleteTask, FailTask } from "@/lib/modules/cancellations/contracts/cancellations";
import { completeCompensationTask, failCompensationTask } from "@/lib/modules/compensation/server/compensation-tasks";
import { defineAction, FormId, pagesShowing } from "@/lib/platform/actions/define-action";
import { formRawText } from "@/lib/platform/actions/action-result";
import { taskTypeLabel } from "@/lib/ui/cancellation";

const TaskRef = z.object({ taskId: FormId });
const MESSAGES = { CONFLICT: true, NOT_FOUND: "This task is no longer available to you." } as const;

/** The manual step (recall from the warehouse, return to stock) was done: say how. */
export const completeTaskAction = defineAction({
  name: "completeCompensationTask",
  ref: TaskRef,
  input: (form) => ({ evidence: formRawText(form, "evidence") }),
  schema: CompleteTask,
  messages: MESSAGES,
  run: (actor, input, ref) => completeCompensationTask(db(), actor, ref.taskId, input),
  revalidate: ({ result }) => pagesShowing.order(result.orderId),
  onSuccess: (task) => ({
    ok: true,
    message: `${taskTypeLabel(task.type)} of ${task.quantity ?? ""} × ${task.sku ?? "units"} on order ${task.orderNumber} confirmed.`,
  }),
});

/** The manual step could not be done: the request shows as failed with this reason. */
export const failTaskAction = defineAction({
  name: "failCompensationTask",
  ref: TaskRef,
  input: (form) => ({ reason: formRawText(form, "reason") }),
  schema: FailTask,
  messages: MESSAGES,
  run: (actor, input, ref) => failCompensationTask(db(), actor, ref.taskId, input),
  revalidate: ({ result }) => pagesShowing.order(result.orderId),
  onSuccess: (task) => ({ ok: true, message: `${taskTypeLabel(task.type)} of ${task.sku ?? "units"} on order ${task.orderNumber} reported as failed.` }),
});
