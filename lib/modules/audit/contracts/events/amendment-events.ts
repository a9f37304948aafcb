// Events of an amendment request's approval: the decisions an approver takes on it.
import { z } from "zod";
import { defineEvent, DecisionRef } from "../event-definition.ts";

export const AMENDMENT_EVENTS = [
  defineEvent({
    type: "OrderAmendmentApproved",
    version: 1,
    aggregate: "Order",
    description: "An approver signed the amendment request's tasks at their level (`subjectId` is the request); `remaining` approvals are still pending.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "AMENDMENT", subjectId: "cm9amd01", taskIds: ["cm9appr01"], levels: ["MANAGER"], remaining: 0, comment: null },
  }),
  defineEvent({
    type: "OrderAmendmentRejected",
    version: 1,
    aggregate: "Order",
    description: "An approver rejected the amendment request (`subjectId`); its other approvals are closed.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "AMENDMENT", subjectId: "cm9amd01", taskIds: ["cm9appr01"], levels: ["DIRECTOR"], remaining: 0, comment: "Price change too large" },
  }),
] as const;
