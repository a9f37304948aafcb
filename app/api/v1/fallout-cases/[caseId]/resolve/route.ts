import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { resolveFalloutCase } from "@/lib/server/fallout/fallout-cases";

export const POST = apiHandler(API_ROUTES.resolveFalloutCase, ({ actor, params, body, expectedVersion }) =>
  resolveFalloutCase(db(), actor, params.caseId, body, { expectedVersion }));
