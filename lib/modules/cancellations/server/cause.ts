import type { Cause } from "../../compensation/server/causes.ts";

/** The cause (and holder) type of a cancellation request's compensation tasks, refunds, fallout cases and line holds. */
export const CANCELLATION_CAUSE = "CancellationRequest";
export const cancellationCause = (requestId: string): Cause => ({ type: CANCELLATION_CAUSE, id: requestId });
