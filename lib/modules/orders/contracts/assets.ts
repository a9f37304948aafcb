import { z } from "zod";
import { ListQuery } from "../../../platform/contracts/common.ts";

// API "assets": delivered units of asset-tracked items, and the order modifying each.

export const ListAssetsQuery = ListQuery.extend({
  orderId: z.string().trim().min(1).max(100).optional(),
  buyerEmail: z.string().trim().min(1).max(254).optional(),
  status: z.enum(["ACTIVE", "RETURNED", "REPLACED"]).optional(),
});

export const AssetPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        orderId: z.string(),
        orderLineId: z.string(),
        buyerEmail: z.string(),
        status: z.string(),
        inFlightOrderId: z.string().nullable().describe("The order modifying the asset now, if any (at most one)"),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "AssetPage" });
