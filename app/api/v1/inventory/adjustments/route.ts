import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { adjustInventory } from "@/lib/server/inventory/adjust-inventory";

export const POST = apiHandler(API_ROUTES.adjustInventory, ({ actor, body }) => adjustInventory(db(), actor, body));
