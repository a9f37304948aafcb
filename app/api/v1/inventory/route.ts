import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { listSupply } from "@/lib/server/inventory/adjust-inventory";

export const GET = apiHandler(API_ROUTES.listInventory, async ({ actor, query }) => ({
  items: await listSupply(db(), actor, query),
  nextCursor: null,
}));
