import type { z } from "zod";
import type { FieldError } from "../errors.ts";

/** Field paths in one notation everywhere (zod and domain errors alike): `lines[0].quantity`. */
export function fieldPath(segments: readonly PropertyKey[], prefix?: string): string {
  const path = segments.reduce<string>(
    (acc, s) => (typeof s === "number" ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)),
    prefix ?? "",
  );
  return path || "(root)";
}

/** zod issues as the field errors the API (problem+json `errors`) and the UI forms show. */
export function zodFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((i) => ({ path: fieldPath(i.path, prefix), message: i.message }));
}
