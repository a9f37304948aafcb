// Events of an amendment request: stored and assessed, decided, applied, failed, expired or withdrawn.
import { z } from "zod";
import { COMMAND_KINDS } from "../../../amendments/domain/change-command.ts";
import { SAFETY_RESULTS } from "../../../amendments/domain/safety-matrix.ts";
import { defineEvent, DecisionRef, Id, Level, Minor } from "../event-definition.ts";

const ChangeRef = z.object({ path: z.string().min(1), command: z.enum(COMMAND_KINDS) });
const AmendmentRef = { amendmentRequestId: Id, number: z.string().min(1) };

export const AMENDMENT_EVENTS = [
  defineEvent({
    type: "OrderAmendmentRequested",
    version: 1,
    aggregate: "Order",
    description: "An amendment request was stored: which changes it asks for and why (values are in the request and the history).",
    payload: z.strictObject({ ...AmendmentRef, reasonCode: z.string().min(1), changes: z.array(ChangeRef).min(1) }),
    example: {
      amendmentRequestId: "cm9am01",
      number: "AM-000003",
      reasonCode: "CUSTOMER_ADDRESS_CORRECTION",
      changes: [{ path: "/shippingAddress/postalCode", command: "ChangeShippingAddress" }],
    },
  }),
  defineEvent({
    type: "OrderAmendmentAssessed",
    version: 1,
    aggregate: "Order",
    description: "The amendment's stored assessment: its feasibility, the approvals it needs, its money and the fingerprint apply must match.",
    payload: z.strictObject({
      ...AmendmentRef,
      feasibility: z.enum(SAFETY_RESULTS),
      requiredApprovals: z.array(z.object({ level: Level, rule: z.string().min(1) })),
      charge: Minor,
      refund: Minor,
      fingerprint: z.string().min(1),
    }),
    example: { amendmentRequestId: "cm9am01", number: "AM-000003", feasibility: "ALLOWED", requiredApprovals: [], charge: 0, refund: 0, fingerprint: "9f2c41d07ab3e655" },
  }),
  defineEvent({
    type: "OrderAmendmentApproved",
    version: 1,
    aggregate: "Order",
    description: "An approver signed the amendment request's tasks at their level (`subjectId` is the request); `remaining` approvals are still pending.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "AMENDMENT", subjectId: "cm9am01", taskIds: ["cm9appr01"], levels: ["MANAGER"], remaining: 0, comment: null },
  }),
  defineEvent({
    type: "OrderAmendmentRejected",
    version: 1,
    aggregate: "Order",
    description: "An approver rejected the amendment request (`subjectId`); its other approvals are closed and it ends unapplied.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "AMENDMENT", subjectId: "cm9am01", taskIds: ["cm9appr01"], levels: ["DIRECTOR"], remaining: 0, comment: "Price change too large" },
  }),
  defineEvent({
    type: "OrderAmendmentApplied",
    version: 1,
    aggregate: "Order",
    description: "The amendment's changes are now the order's values (before and after per change).",
    payload: z.strictObject({
      ...AmendmentRef,
      changes: z.array(ChangeRef.extend({ oldValue: z.unknown(), newValue: z.unknown() })).min(1),
    }),
    example: {
      amendmentRequestId: "cm9am01",
      number: "AM-000003",
      changes: [{ path: "/shippingAddress/postalCode", command: "ChangeShippingAddress", oldValue: "12930", newValue: "12940" }],
    },
  }),
  defineEvent({
    type: "OrderAmendmentFailed",
    version: 1,
    aggregate: "Order",
    description: "The amendment could not be applied (e.g. the order moved on since its assessment); nothing of it was applied.",
    payload: z.strictObject({ ...AmendmentRef, code: z.string().min(1), reason: z.string().min(1) }),
    example: { amendmentRequestId: "cm9am01", number: "AM-000003", code: "ASSESSMENT_CHANGED", reason: "The order changed since the amendment was assessed" },
  }),
  defineEvent({
    type: "OrderAmendmentExpired",
    version: 1,
    aggregate: "Order",
    description: "The amendment's approval expired with nobody left to ask; the amendment ends unapplied.",
    payload: z.strictObject({ ...AmendmentRef, level: Level.optional(), comment: z.string().min(1) }),
    example: { amendmentRequestId: "cm9am01", number: "AM-000003", level: "VP", comment: "no decision within 24 hours" },
  }),
  defineEvent({
    type: "OrderAmendmentWithdrawn",
    version: 1,
    aggregate: "Order",
    description: "The requester or operations took the amendment back before it was applied.",
    payload: z.strictObject({ ...AmendmentRef }),
    example: { amendmentRequestId: "cm9am01", number: "AM-000003" },
  }),
] as const;
