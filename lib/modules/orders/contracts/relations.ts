import { z } from "zod";

// The order relation graph (SPEC §7): which orders are linked to which, and how.

export const RELATION_TYPES = ["RETURNS", "SUPPLEMENTS", "REPLACES", "CANCELS", "AMENDS", "COMPENSATES", "REPAIRS", "SPLITS_FROM"] as const;

export const RelatedOrders = z
  .object({
    items: z.array(
      z.object({
        orderId: z.string(),
        number: z.string(),
        orderType: z.string(),
        relation: z.enum(RELATION_TYPES),
        direction: z.enum(["OUTGOING", "INCOMING"]).describe("OUTGOING: this order (or an ancestor) points at it; INCOMING: it points at this order (or a descendant)"),
        status: z.string(),
        createdAt: z.string(),
        viaOrderId: z.string().describe("The order in the graph it is linked to"),
      }),
    ),
  })
  .meta({ id: "RelatedOrders" });
export type RelatedOrdersT = z.infer<typeof RelatedOrders>;
