// The composition root: the one place that knows every feature and plugs them into the generic
// machinery below them. Lower modules define what they need and a small registry for it (job
// handlers in lib/platform/jobs/registry.ts, approval subjects in lib/modules/approvals/server/subjects.ts, causes of
// compensation in lib/modules/compensation/server/causes.ts, the payment gateway in
// lib/modules/payments/server/gateway.ts); this file fills those registries. Every entry
// point calls wiring() once before it runs a command: instrumentation.ts (the app), scripts/worker.ts,
// the test setup (tests/support/wiring.ts).
import type { Db } from "./platform/db/client.ts";
import type { JobHandlers } from "./platform/jobs/runner.ts";
import { registerJobHandlers, type PeriodicJob } from "./platform/jobs/registry.ts";
import { amendmentSubject } from "./modules/amendments/server/approval-subject.ts";
import { AMENDMENT_CAUSE, AMENDMENT_SUBJECT } from "./modules/amendments/server/queries.ts";
import { amendmentCauseHandler } from "./modules/amendments/server/amendment-cause.ts";
import { returnCauseHandler } from "./modules/returns/server/return-cause.ts";
import { RETURN_SUBJECT, returnSubject } from "./modules/returns/server/approval-subject.ts";
import { createLinkedReturn } from "./modules/returns/server/linked-return.ts";
import { supplementalCauseHandler } from "./modules/supplemental/server/supplemental-cause.ts";
import { SUPPLEMENTAL_CAUSE } from "./modules/supplemental/server/billing-adjustment.ts";
import { registerReturnTaker } from "./modules/cancellations/server/return-taker.ts";
import { RETURN_CAUSE } from "./modules/returns/server/queries.ts";
import { registerApprovalSubject, type ApprovalSubjectHandler } from "./modules/approvals/server/subjects.ts";
import { expireApprovalTasks } from "./modules/approvals/server/expiry.ts";
import { registerPaymentGateway, type PaymentGateway } from "./modules/payments/server/gateway.ts";
import { BuiltInGateway } from "./modules/payments/server/built-in-gateway.ts";
import { withPointsTender } from "./modules/points/server/points-tender.ts";
import { COMPENSATION_JOB, compensationJob } from "./modules/compensation/server/compensation-job.ts";
import { overdueManualTasksJob } from "./modules/compensation/server/overdue-tasks.ts";
import { registerCauseHandler, type CauseHandler } from "./modules/compensation/server/causes.ts";
import { cancellationCauseHandler } from "./modules/cancellations/server/cancellation-cause.ts";
import { CANCELLATION_CAUSE } from "./modules/cancellations/server/cause.ts";
import { cancellationSubject } from "./modules/cancellations/server/approval-subject.ts";
import { CANCELLATION_SUBJECT } from "./modules/cancellations/server/queries.ts";
import { reconcile } from "./modules/checks/server/reconciliation.ts";
import { dispatchWebhooks } from "./modules/webhooks/server/dispatch.ts";
import { expireAllocations } from "./modules/orders/server/expire-allocations.ts";
import { env } from "./platform/config/env.ts";

/** Every job type the runner knows. */
export const JOB_HANDLERS: JobHandlers = Object.freeze({
  [COMPENSATION_JOB]: compensationJob,
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
  "allocations.expire": {
    // Allocated units past their expiry (ALLOCATION_EXPIRY_MINUTES) go back to open.
    run: (ctx) => expireAllocations(ctx.db, { now: ctx.now }),
  },
  "webhooks.dispatch": {
    // New outbox events become deliveries; due deliveries are claimed with a lease and sent.
    run(ctx) {
      // The runner's clock, moving on in real time while the pass sends (attempt times, signatures).
      const offset = ctx.now.getTime() - Date.now();
      return dispatchWebhooks(ctx.db, { owner: ctx.owner, now: () => new Date(Date.now() + offset) });
    },
  },
});

/** Work the runner does on a schedule: one job per type and period, however many runners there are. */
export const PERIODIC_JOBS: readonly PeriodicJob[] = Object.freeze([
  { type: "approvals.expire", everyMs: 60_000, description: "Approval tasks past their deadline escalate one level or are auto-approved, per their rule" },
  { type: "compensation.overdue", everyMs: 5 * 60_000, description: "Manual compensation tasks past their due date open fallout cases" },
  { type: "reconciliation.run", everyMs: 15 * 60_000, description: "Reconciliation checks; findings are stored on the job and shown to OPS" },
  { type: "allocations.expire", everyMs: env().ALLOCATION_EXPIRY_INTERVAL_MS, description: "Allocated units past their expiry (ALLOCATION_EXPIRY_MINUTES) go back to open and their inventory is deallocated" },
  { type: "webhooks.dispatch", everyMs: env().WEBHOOK_DISPATCH_INTERVAL_MS, description: "Outbox events are delivered to the webhook endpoints that subscribe to them, with retries" },
]);

/** Every kind of thing the approval engine approves. */
export const APPROVAL_SUBJECTS: Readonly<Record<string, ApprovalSubjectHandler>> = Object.freeze({
  [CANCELLATION_SUBJECT]: cancellationSubject,
  [AMENDMENT_SUBJECT]: amendmentSubject,
  [RETURN_SUBJECT]: returnSubject,
});

/** Every kind of change whose compensation (tasks, refunds, fallout) the compensation machinery carries out. */
export const CAUSE_HANDLERS: Readonly<Record<string, CauseHandler>> = Object.freeze({
  [CANCELLATION_CAUSE]: cancellationCauseHandler,
  [AMENDMENT_CAUSE]: amendmentCauseHandler,
  [RETURN_CAUSE]: returnCauseHandler,
  [SUPPLEMENTAL_CAUSE]: supplementalCauseHandler,
});

/** The built-in gateway, with POINTS tenders refunded through the points engine. */
export function defaultGateway(db: Db): PaymentGateway {
  return withPointsTender(db, new BuiltInGateway(db));
}

let wired = false;

/** Fills the registries (once per module instance; registering again changes nothing). */
export function wiring(): void {
  if (wired) return;
  registerJobHandlers(JOB_HANDLERS, PERIODIC_JOBS);
  for (const [subjectType, handler] of Object.entries(APPROVAL_SUBJECTS)) registerApprovalSubject(subjectType, handler);
  for (const [causeType, handler] of Object.entries(CAUSE_HANDLERS)) registerCauseHandler(causeType, handler);
  registerPaymentGateway(defaultGateway);
  registerReturnTaker(createLinkedReturn);
  wired = true;
}
