import { z } from "zod";
import { MAX_MONEY } from "../money/money.ts";

/** Integer minor units (cents); never negative, never fractional, at most MAX_MONEY (10^13). */
export const MinorUnits = z
  .number()
  .int("must be an integer amount in minor units")
  .nonnegative("must not be negative")
  .max(MAX_MONEY, `must be at most ${MAX_MONEY} minor units`);
export const PositiveQuantity = z.number().int("must be a whole number of units").positive("must be at least 1").max(1_000_000);
/** A short identifier (SKU, store, location, category); NUL cannot be stored by PostgreSQL. */
export const Code = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64)
  .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional().describe("The request's id, also in the x-request-id header: quote it when reporting a problem"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
