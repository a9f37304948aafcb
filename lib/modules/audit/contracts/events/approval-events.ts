// Events of approval tasks, for any subject: auto-approved, expired, escalated. An approver's decision
// is written as the subject's own event (e.g. OrderCancellationApproved), chosen by its subject handler.
import { z } from "zod";
import { defineEvent, Id, Count, Level, TaskRef } from "../event-definition.ts";

export const APPROVAL_EVENTS = [
  defineEvent({
    type: "ApprovalTaskAutoApproved",
    version: 1,
    aggregate: "Order",
    description: "An approval task was not decided in time and its rule approves on expiry.",
    payload: z.strictObject({ ...TaskRef, remaining: Count }),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "MANAGER", rule: "cm9rule01", remaining: 0 },
  }),
  defineEvent({
    type: "ApprovalTaskExpired",
    version: 1,
    aggregate: "Order",
    description: "An approval task was not decided in time (followed by an escalation, or by the subject expiring).",
    payload: z.strictObject(TaskRef),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "SUPERVISOR", rule: "STAGE_RELEASED" },
  }),
  defineEvent({
    type: "ApprovalTaskEscalated",
    version: 1,
    aggregate: "Order",
    description: "An expired approval task was replaced by a pending task one level up.",
    payload: z.strictObject({ ...TaskRef, newTaskId: Id, newLevel: Level }),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "SUPERVISOR", rule: "STAGE_RELEASED", newTaskId: "cm9appr02", newLevel: "MANAGER" },
  }),
] as const;
