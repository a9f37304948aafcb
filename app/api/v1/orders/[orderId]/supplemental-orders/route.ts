import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createSupplementalOrder } from "@/lib/modules/supplemental/server/create-supplemental";

export const POST = apiHandler(API_ROUTES.createSupplementalOrder, ({ actor, params, body, expectedVersion }) =>
  createSupplementalOrder(db(), actor, params.orderId, body, { expectedVersion }),
);
