// Approvals: the tasks a user may sign.
import { ApprovalQuery, PendingApprovalPage } from "../../modules/approvals/contracts/approvals.ts";
import type { ApiRouteDef } from "../route-def.ts";

export const APPROVAL_ROUTES = {
  listApprovals: {
    method: "GET",
    path: "/approvals",
    tag: "Approvals",
    summary: "Pending approval tasks the key's user may sign (at or below their level, never their own requests), oldest first",
    description: "Filter by level and minimum order value. Sign them with the approve/reject endpoints of the request named by each task.",
    permission: "approval.decide",
    query: ApprovalQuery,
    response: PendingApprovalPage,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;
