// The amendment safety matrix as a form: one select per cell, named `<row>.<phase>`, whose value
// is the cell's result (an approval carries its level: `REQUIRES_APPROVAL:MANAGER`).
import { APPROVER_LEVELS, type ApproverLevel } from "../platform/auth/levels.ts";
import { MATRIX_ROWS, type MatrixRow, type SafetyCell, type SafetyMatrix } from "../modules/amendments/domain/safety-matrix.ts";
import { PHASES, type Phase } from "../modules/amendments/domain/phase.ts";

export const ROW_LABELS: Readonly<Record<MatrixRow, string>> = {
  ChangeContact: "Contact",
  ChangeDeliveryNote: "Delivery note",
  ChangeDeliveryWindow: "Delivery window",
  ChangeShippingAddress: "Shipping address",
  ChangeLineQuantityIncrease: "Quantity increase",
  SubstituteItem: "Substitute item",
  ChangeUnitPrice: "Unit price",
};

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  BEFORE_RELEASE: "Before release",
  RELEASED: "Released",
  IN_WAREHOUSE: "In the warehouse",
  SHIPPED: "Shipped",
};

const LEVEL_WORDS: Readonly<Record<ApproverLevel, string>> = { SUPERVISOR: "supervisor", MANAGER: "manager", DIRECTOR: "director", VP: "VP" };

/** Every choice a cell offers, as (value, label). */
export const CELL_CHOICES: readonly { value: string; label: string }[] = [
  { value: "ALLOWED", label: "Allowed" },
  ...APPROVER_LEVELS.map((l) => ({ value: `REQUIRES_APPROVAL:${l}`, label: `Approval by a ${LEVEL_WORDS[l]}` })),
  { value: "REQUIRES_REPLANNING", label: "Allowed, with replanning" },
  { value: "MANUAL_REVIEW", label: "Manual review (manager)" },
  { value: "BLOCKED", label: "Blocked" },
];

export function cellValue(cell: SafetyCell): string {
  return cell.result === "REQUIRES_APPROVAL" ? `REQUIRES_APPROVAL:${cell.level}` : cell.result;
}

export const cellField = (row: MatrixRow, phase: Phase) => `${row}.${phase}`;

function cellOf(value: string): unknown {
  const [result, level] = value.split(":");
  return result === "REQUIRES_APPROVAL" ? { result, level } : { result };
}

/** The matrix the form describes; the schema checks it (a missing or unknown cell is a field error). */
export function matrixFromForm(form: FormData): unknown {
  return Object.fromEntries(
    MATRIX_ROWS.map((row) => [row, Object.fromEntries(PHASES.map((phase) => [phase, cellOf(String(form.get(cellField(row, phase)) ?? ""))]))]),
  );
}

/** A schema path (`ChangeContact.RELEASED.result`) → the select showing it. */
export function matrixFieldOf(path: string): string | undefined {
  const [row, phase] = path.split(".");
  return row && phase ? `${row}.${phase}` : undefined;
}

export function describeMatrix(m: SafetyMatrix): { row: MatrixRow; cells: { phase: Phase; value: string }[] }[] {
  return MATRIX_ROWS.map((row) => ({ row, cells: PHASES.map((phase) => ({ phase, value: cellValue(m[row][phase]) })) }));
}

const choiceLabel = (value: string) => CELL_CHOICES.find((c) => c.value === value)?.label ?? value;

/** What an edit changed, cell by cell, in words ("Shipping address, Released: Allowed → Blocked"). */
export function matrixDiff(before: unknown, after: unknown): string[] {
  const cell = (m: unknown, row: MatrixRow, phase: Phase) => {
    const c = (m as Record<string, Record<string, SafetyCell> | undefined> | null)?.[row]?.[phase];
    return c ? cellValue(c) : "";
  };
  return MATRIX_ROWS.flatMap((row) =>
    PHASES.flatMap((phase) => {
      const [from, to] = [cell(before, row, phase), cell(after, row, phase)];
      return from === to ? [] : [`${ROW_LABELS[row]}, ${PHASE_LABELS[phase]}: ${choiceLabel(from)} → ${choiceLabel(to)}`];
    }),
  );
}
