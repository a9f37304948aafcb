import { describe, expect, it } from "vitest";
import type { Db } from "./platform/db/client.ts";
import { jobHandlers, periodicJobs } from "./platform/jobs/registry.ts";
import { subjectHandler } from "./modules/approvals/server/subjects.ts";
import { causeHandler } from "./modules/compensation/server/causes.ts";
import { cancellationCauseHandler } from "./modules/cancellations/server/cancellation-cause.ts";
import { CANCELLATION_CAUSE } from "./modules/cancellations/server/cause.ts";
import { paymentGateway } from "./modules/payments/server/gateway.ts";
import { cancellationSubject } from "./modules/cancellations/server/approval-subject.ts";
import { CANCELLATION_SUBJECT } from "./modules/cancellations/server/queries.ts";
import { APPROVAL_SUBJECTS, CAUSE_HANDLERS, JOB_HANDLERS, PERIODIC_JOBS, wiring } from "./wiring.ts";

// Test files are isolated (vitest runs each with fresh modules and globals): nothing is wired before this file wires it.
describe("wiring", () => {
  it("before wiring() nothing runs: no job handler, approval subject or payment gateway is found", () => {
    expect(() => jobHandlers()).toThrow(/wiring\(\)/);
    expect(periodicJobs()).toEqual([]);
    expect(() => subjectHandler(CANCELLATION_SUBJECT)).toThrow(/No approval handler for subject type CANCELLATION/);
    expect(() => causeHandler(CANCELLATION_CAUSE)).toThrow(/No compensation handler for cause type CancellationRequest/);
    expect(() => paymentGateway({} as Db)).toThrow(/wiring\(\)/);
  });

  it("wiring() registers every job handler, the periodic schedule, the approval subjects and the default gateway", () => {
    wiring();
    wiring(); // idempotent
    expect(Object.keys(jobHandlers()).sort()).toEqual(["allocations.expire", "approvals.expire", "compensation.overdue", "compensation.run", "reconciliation.run", "webhooks.dispatch"]);
    for (const [type, handler] of Object.entries(JOB_HANDLERS)) expect(jobHandlers()[type]).toBe(handler);
    expect(periodicJobs()).toEqual(PERIODIC_JOBS);
    for (const p of periodicJobs()) expect(jobHandlers()[p.type]).toBeDefined();
    expect(subjectHandler(CANCELLATION_SUBJECT)).toBe(cancellationSubject);
    expect(Object.keys(APPROVAL_SUBJECTS)).toEqual([CANCELLATION_SUBJECT, "AMENDMENT", "RETURN"]);
    expect(subjectHandler("AMENDMENT")).toBe(APPROVAL_SUBJECTS.AMENDMENT);
    expect(causeHandler(CANCELLATION_CAUSE)).toBe(cancellationCauseHandler);
    expect(Object.keys(CAUSE_HANDLERS)).toEqual([CANCELLATION_CAUSE, "AmendmentRequest", "ReturnOrder", "SupplementalOrder"]);
    expect(causeHandler("AmendmentRequest")).toBe(CAUSE_HANDLERS.AmendmentRequest);
    expect(() => causeHandler("AssetModification")).toThrow(/No compensation handler for cause type AssetModification/);
    // The built-in gateway wrapped by the POINTS tender gateway.
    expect(paymentGateway({} as Db).name).toBe("points+built-in");
  });
});
