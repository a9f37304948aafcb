import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getReconciliationReport } from "@/lib/modules/checks/server/reconciliation";

export const GET = apiHandler(API_ROUTES.getReconciliation, ({ actor }) => getReconciliationReport(db(), actor));
