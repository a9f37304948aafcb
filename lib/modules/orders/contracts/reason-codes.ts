import { z } from "zod";

export const REASON_CODE_KINDS = ["CANCELLATION", "AMENDMENT", "RETURN", "SUPPLEMENTAL"] as const;

const Label = z.string().trim().min(1, "Enter a label").max(100, "At most 100 characters");

/** What OPS edits on a catalogue entry; the code and its kind stay as created (requests refer to them). */
export const ReasonCodeEdit = z.object({
  label: Label,
  buyerVisible: z.boolean(),
  active: z.boolean(),
});
export type ReasonCodeEdit = z.infer<typeof ReasonCodeEdit>;

export const NewReasonCode = ReasonCodeEdit.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/, "Use 2–64 capital letters, digits and underscores, starting with a letter"),
  appliesTo: z.enum(REASON_CODE_KINDS, "Choose what the reason applies to"),
});
export type NewReasonCode = z.infer<typeof NewReasonCode>;

export interface ReasonCodeView {
  code: string;
  label: string;
  appliesTo: (typeof REASON_CODE_KINDS)[number];
  buyerVisible: boolean;
  active: boolean;
  version: number;
}
