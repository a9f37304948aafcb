import type { JobHandler } from "../../../platform/jobs/runner.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder } from "../../orders/server/order-command.ts";
import { openFalloutForTask, taskCauseKey } from "./task-fallout.ts";

/** Manual steps (recall, return to stock) nobody confirmed by their due date fall out to OPS. */
export const overdueManualTasksJob: JobHandler = {
  async run(ctx) {
    const overdue = await ctx.db.compensationTask.findMany({ where: { mode: "MANUAL", status: "PENDING", dueAt: { lt: ctx.now } }, take: 200, orderBy: { dueAt: "asc" } });
    const actor = systemActor();
    let opened = 0;
    for (const task of overdue) {
      const existing = await ctx.db.falloutCase.findUnique({ where: { causeKey: taskCauseKey(task.id) }, select: { status: true } });
      if (existing && existing.status !== "IN_REPAIR") continue; // already OPEN, or settled by OPS
      await inTransaction(ctx.db, async (tx) => {
        const order = await lockOrder(tx, task.orderId, {});
        await openFalloutForTask(tx, actor, order, task.id, `${task.type.toLowerCase().replaceAll("_", " ")} not confirmed by ${task.dueAt!.toISOString()}`, ctx.now);
      });
      opened++;
    }
    return { opened };
  },
};
