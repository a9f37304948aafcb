import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listPendingApprovalPage } from "@/lib/modules/approvals/server/queue";

export const GET = apiHandler(API_ROUTES.listApprovals, ({ actor, query }) => listPendingApprovalPage(db(), actor, query));
