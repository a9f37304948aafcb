import type { JobHandlers } from "./runner.ts";
import { compensationJob } from "../cancellations/compensation-job.ts";
import { overdueManualTasksJob } from "../cancellations/overdue-tasks.ts";
import { reconcile } from "../checks/reconciliation.ts";
import { expireApprovalTasks } from "../approvals/expiry.ts";

/** Every job type the runner knows. Periodic ones are scheduled from periodic.ts. */
export const JOB_HANDLERS: JobHandlers = {
  "compensation.run": compensationJob,
  "compensation.overdue": overdueManualTasksJob,
  "approvals.expire": {
    // Expired approval tasks escalate one level or are auto-approved, per their rule.
    run: (ctx) => expireApprovalTasks(ctx.db, { now: ctx.now }),
  },
  "reconciliation.run": {
    async run(ctx) {
      const report = await reconcile(ctx.db, { now: ctx.now });
      return { checks: report.checks, findings: report.findings.slice(0, 100) };
    },
  },
};
