import { Badge, type Tone } from "@/components/ui/badge";
import { requestStatusLabel, taskStatusLabel } from "@/lib/ui/cancellation";

const REQUEST_TONES: Record<string, Tone> = {
  PENDING_APPROVAL: "amber",
  APPROVED: "blue",
  EXECUTING: "indigo",
  COMPLETED: "green",
  PARTIALLY_COMPLETED: "violet",
  FAILED: "red",
  REJECTED: "red",
  EXPIRED: "gray",
  WITHDRAWN: "gray",
};

/** A cancellation request's status in words, e.g. "Waiting for approval". */
export function RequestStatusBadge({ status }: { status: string }) {
  return <Badge tone={REQUEST_TONES[status] ?? "gray"}>{requestStatusLabel(status)}</Badge>;
}

const TASK_TONES: Record<string, Tone> = { PENDING: "amber", IN_PROGRESS: "indigo", DONE: "green", FAILED: "red", CANCELLED: "gray" };

export function TaskStatusBadge({ status }: { status: string }) {
  return <Badge tone={TASK_TONES[status] ?? "gray"}>{taskStatusLabel(status)}</Badge>;
}

const APPROVAL_TONES: Record<string, Tone> = { PENDING: "amber", APPROVED: "green", REJECTED: "red", ESCALATED: "violet", EXPIRED: "gray" };

export function ApprovalStatusBadge({ status }: { status: string }) {
  return <Badge tone={APPROVAL_TONES[status] ?? "gray"}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}
