import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { resolveFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";

export const POST = apiHandler(API_ROUTES.resolveFalloutCase, ({ actor, params, body, expectedVersion }) =>
  resolveFalloutCase(db(), actor, params.caseId, body, { expectedVersion }));
