import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { listSupply } from "@/lib/modules/inventory/server/adjust-inventory";

export const GET = apiHandler(API_ROUTES.listInventory, async ({ actor, query }) => ({
  items: await listSupply(db(), actor, query),
  nextCursor: null,
}));
