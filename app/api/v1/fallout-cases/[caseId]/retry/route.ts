import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { retryFalloutCase } from "@/lib/server/fallout/fallout-cases";

export const POST = apiHandler(API_ROUTES.retryFalloutCase, ({ actor, params, expectedVersion }) =>
  retryFalloutCase(db(), actor, params.caseId, { expectedVersion }));
