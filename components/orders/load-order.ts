import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/platform/auth/session";
import { db } from "@/lib/platform/db/client";
import { isDomainError } from "@/lib/platform/errors";
import { getOrder, getOrderHistory, listOrderNotes } from "@/lib/modules/orders/server/queries";
import { listAssets } from "@/lib/modules/orders/server/assets";
import { getCancellationRequest, listCancellationRequests } from "@/lib/modules/cancellations/server/queries";
import { getAmendmentRequest, listAmendmentRequests } from "@/lib/modules/amendments/server/queries";
import { reasonChoices } from "@/lib/modules/orders/server/reason-codes";

/** Runs a query; an order out of reach (or gone) becomes the 404 page, as the API answers 404. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** The signed-in actor, resolved once per request however many loaders ask. */
export const requestActor = cache(() => requireActor());

/**
 * The order as the signed-in actor may see it. Cached per request, so a segment layout can check
 * access before anything streams (a real 404 status) and the page reuses the same read.
 */
export const loadOrder = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => getOrder(db(), actor, orderId));
});

export const loadOrderNotes = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => listOrderNotes(db(), actor, orderId));
});

/** The assets the order's delivered units became (an order holds at most a few hundred units). */
export const loadOrderAssets = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => listAssets(db(), actor, { orderId, limit: 500 }));
});

export const HISTORY_PAGE_SIZE = 50;

export const loadOrderHistory = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => getOrderHistory(db(), actor, orderId, { limit: HISTORY_PAGE_SIZE }));
});

export const CANCELLATIONS_PAGE_SIZE = 50;

/** The order's cancellation requests, newest first (one page; orders rarely have more). */
export const loadCancellations = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => listCancellationRequests(db(), actor, orderId, { limit: CANCELLATIONS_PAGE_SIZE }));
});

/** Active cancellation reason codes the actor may give (buyers: buyer-visible ones), in catalogue order. */
export const loadReasonCodes = cache(async () => reasonChoices(db(), await requestActor(), "CANCELLATION"));

/** One cancellation request of an order the actor can see; anything else is the 404 page. */
export const loadCancellation = cache(async (orderId: string, requestId: string) => {
  const actor = await requestActor();
  return orNotFound(() => getCancellationRequest(db(), actor, orderId, requestId));
});

/** The order's amendment requests, newest first (one page). */
export const loadAmendments = cache(async (orderId: string) => {
  const actor = await requestActor();
  return orNotFound(() => listAmendmentRequests(db(), actor, orderId, { limit: CANCELLATIONS_PAGE_SIZE }));
});

/** Active amendment reason codes the actor may give (buyers: buyer-visible ones), in catalogue order. */
export const loadAmendmentReasons = cache(async () => reasonChoices(db(), await requestActor(), "AMENDMENT"));

/** One amendment of an order the actor can see; anything else is the 404 page. */
export const loadAmendment = cache(async (orderId: string, requestId: string) => {
  const actor = await requestActor();
  return orNotFound(() => getAmendmentRequest(db(), actor, orderId, requestId));
});
