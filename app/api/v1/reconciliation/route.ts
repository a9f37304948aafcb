import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getReconciliationReport } from "@/lib/server/checks/reconciliation";

export const GET = apiHandler(API_ROUTES.getReconciliation, ({ actor }) => getReconciliationReport(db(), actor));
