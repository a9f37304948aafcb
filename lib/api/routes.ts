// The HTTP API as data (see ApiRouteDef in route-def.ts): each feature's routes are listed in
// routes/<feature>.ts; this file assembles them into the one table.
import { ORDER_ROUTES } from "./routes/orders.ts";
import { INVENTORY_ROUTES } from "./routes/inventory.ts";
import { CANCELLATION_ROUTES } from "./routes/cancellations.ts";
import { APPROVAL_ROUTES } from "./routes/approvals.ts";
import { COMPENSATION_ROUTES } from "./routes/compensation.ts";
import { POINTS_ROUTES } from "./routes/points.ts";
import { AMENDMENT_ROUTES } from "./routes/amendments.ts";
import { RETURN_ROUTES } from "./routes/returns.ts";
import { API_KEY_ROUTES } from "./routes/api-keys.ts";
import { WEBHOOK_ROUTES } from "./routes/webhooks.ts";
import type { ApiRouteDef } from "./route-def.ts";

export type { ApiRouteDef } from "./route-def.ts";

export const API_ROUTES = {
  ...ORDER_ROUTES,
  ...INVENTORY_ROUTES,
  ...CANCELLATION_ROUTES,
  ...APPROVAL_ROUTES,
  ...COMPENSATION_ROUTES,
  ...POINTS_ROUTES,
  ...AMENDMENT_ROUTES,
  ...RETURN_ROUTES,
  ...API_KEY_ROUTES,
  ...WEBHOOK_ROUTES,
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
