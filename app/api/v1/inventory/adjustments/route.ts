import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { adjustInventory } from "@/lib/modules/inventory/server/adjust-inventory";

export const POST = apiHandler(API_ROUTES.adjustInventory, ({ actor, body }) => adjustInventory(db(), actor, body));
