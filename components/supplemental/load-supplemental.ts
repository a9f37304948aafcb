import "server-only";
import { cache } from "react";
import { db } from "@/lib/platform/db/client";
import { BUYER_ADD_ON_REASONS } from "@/lib/ui/add-on-form";

/** Active supplemental reasons a buyer may give for an add-on, in catalogue order (reference data, read directly). */
export const loadAddOnReasons = cache(async () => {
  const rows = await db().reasonCode.findMany({ where: { active: true, buyerVisible: true, appliesTo: "SUPPLEMENTAL", code: { in: [...BUYER_ADD_ON_REASONS] } }, orderBy: { sortOrder: "asc" } });
  return rows.map((r) => ({ code: r.code, label: r.label }));
});
