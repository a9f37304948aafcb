import "server-only";
import { cache } from "react";
import { db } from "@/lib/platform/db/client";
import { getReturn, listReturns, listReturnsAwaitingReceipt, returnOfOrder } from "@/lib/modules/returns/server/queries";
import { relatedOrders } from "@/lib/modules/orders/server/relations";
import { orNotFound, requestActor } from "@/components/orders/load-order";
import { reasonChoices } from "@/lib/modules/orders/server/reason-codes";

/** The order's returns, newest first. */
export const loadReturns = cache(async (orderId: string) => orNotFound(async () => listReturns(db(), await requestActor(), orderId)));

/** One return the actor may read; anything else is the 404 page. */
export const loadReturn = cache(async (returnId: string) => orNotFound(async () => getReturn(db(), await requestActor(), returnId)));

/** The return a RETURN order belongs to (null for other orders). */
export const loadReturnOfOrder = cache(async (orderId: string) => returnOfOrder(db(), await requestActor(), orderId));

/** The store's returns waiting for their units. */
export const loadReturnsAwaitingReceipt = cache(async () => listReturnsAwaitingReceipt(db(), await requestActor()));

/** The order's related orders, both ways. */
export const loadRelatedOrders = cache(async (orderId: string) => orNotFound(async () => relatedOrders(db(), await requestActor(), orderId)));

/** Active return reason codes the actor may give (buyers: buyer-visible ones), in catalogue order. */
export const loadReturnReasons = cache(async () => reasonChoices(db(), await requestActor(), "RETURN"));
