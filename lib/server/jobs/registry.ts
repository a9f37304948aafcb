import type { JobHandlers } from "./runner.ts";
import { compensationJob } from "../cancellations/compensation-job.ts";
import { overdueManualTasksJob } from "../cancellations/overdue-tasks.ts";
import { reconcile } from "../checks/reconciliation.ts";

/**
 * Every job type the runner knows. Periodic ones are scheduled from periodic.ts.
 * Approval expiry (approval rules engine) is added here as
 *   "approvals.expire": { run: (ctx) => expireApprovalTasks(ctx.db, { now: ctx.now }) },
 */
export const JOB_HANDLERS: JobHandlers = {
  "compensation.run": compensationJob,
  "compensation.overdue": overdueManualTasksJob,
  "reconciliation.run": {
    async run(ctx) {
      const report = await reconcile(ctx.db, { now: ctx.now });
      return { checks: report.checks, findings: report.findings.slice(0, 100) };
    },
  },
};
