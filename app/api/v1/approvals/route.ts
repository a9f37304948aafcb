import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { listPendingApprovalPage } from "@/lib/server/cancellations/approval-queue";

export const GET = apiHandler(API_ROUTES.listApprovals, ({ actor, query }) => listPendingApprovalPage(db(), actor, query));
