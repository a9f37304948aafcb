import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createAmendmentRequest } from "@/lib/modules/amendments/server/create-amendment";
import { listAmendmentRequests } from "@/lib/modules/amendments/server/queries";

export const GET = apiHandler(API_ROUTES.listAmendmentRequests, ({ actor, params, query }) => listAmendmentRequests(db(), actor, params.orderId, query));
export const POST = apiHandler(API_ROUTES.createAmendmentRequest, ({ actor, params, body, expectedVersion }) =>
  createAmendmentRequest(db(), actor, params.orderId, body, { expectedVersion }),
);
