import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/levels.ts";
import { PHASES } from "../domain/phase.ts";
import { MATRIX_ROWS, type SafetyMatrix } from "../domain/safety-matrix.ts";

// The amendment safety matrix as OPS edits it: every row (command) and every column (phase)
// present, each cell one of the five results (an approval with its level). A quantity decrease
// has no row: the cancellation stage policy decides it.

export const SafetyCellSchema = z
  .discriminatedUnion("result", [
    z.object({ result: z.literal("ALLOWED") }).strict(),
    z.object({ result: z.literal("REQUIRES_APPROVAL"), level: z.enum(APPROVER_LEVELS) }).strict(),
    z.object({ result: z.literal("REQUIRES_REPLANNING") }).strict(),
    z.object({ result: z.literal("MANUAL_REVIEW") }).strict(),
    z.object({ result: z.literal("BLOCKED") }).strict(),
  ])
  .meta({ id: "AmendmentSafetyCell" });

const SafetyRowSchema = z.object(Object.fromEntries(PHASES.map((p) => [p, SafetyCellSchema])) as Record<(typeof PHASES)[number], typeof SafetyCellSchema>).strict();

export const SafetyMatrixSchema = z
  .object(Object.fromEntries(MATRIX_ROWS.map((r) => [r, SafetyRowSchema])) as Record<(typeof MATRIX_ROWS)[number], typeof SafetyRowSchema>)
  .strict()
  .meta({ id: "AmendmentSafetyMatrix" });

/** An edited matrix, checked; the result is what safetyOf takes. */
export function parseSafetyMatrix(raw: unknown): z.ZodSafeParseResult<SafetyMatrix> {
  return SafetyMatrixSchema.safeParse(raw) as z.ZodSafeParseResult<SafetyMatrix>;
}
