// Inventory: supply rows and manual adjustments.
import { InventoryAdjustment, InventoryQuery, SupplyPage, SupplyView } from "../../modules/orders/contracts/orders.ts";
import type { ApiRouteDef } from "../route-def.ts";

export const INVENTORY_ROUTES = {
  adjustInventory: {
    method: "POST",
    path: "/inventory/adjustments",
    tag: "Inventory",
    summary: "Change on-hand stock of an item at a location",
    description:
      "Negative quantities are allowed down to the allocated amount, else 409. OPS adjusts any location; a seller only locations that belong to one of their stores: another store's location (or an unknown one) → 404, a shared location (a distribution centre of no store) → 403; nothing changes.",
    permission: "inventory.adjust",
    body: InventoryAdjustment,
    response: SupplyView,
    status: 201,
  },
  listInventory: {
    method: "GET",
    path: "/inventory",
    tag: "Inventory",
    summary: "Supply rows (on hand, allocated, available)",
    description: "OPS reads every location; a seller reads shared locations and their own stores' locations, never another store's.",
    permission: "inventory.read",
    query: InventoryQuery,
    response: SupplyPage,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;
