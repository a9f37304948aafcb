import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getFalloutCase } from "@/lib/modules/compensation/server/fallout-cases";

export const GET = apiHandler(API_ROUTES.getFalloutCase, ({ actor, params }) => getFalloutCase(db(), actor, params.caseId));
