import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { retryFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";

export const POST = apiHandler(API_ROUTES.retryFalloutCase, ({ actor, params, expectedVersion }) =>
  retryFalloutCase(db(), actor, params.caseId, { expectedVersion }));
