// One change of an amendment in words, before and after: "Quantity of line 1 (SKU-MUG)": "2" → "3",
// "Unit price of line 1 (SKU-MUG)": "$20.00" → "$18.00", "Item of line 1": "SKU-MUG" → "SKU-MUG-BLUE".
import { formatMoney } from "../platform/money/money.ts";
import { COMMAND_WORDS } from "./amendment-words.ts";
import { valueText } from "./amendment-form.ts";
import type { CommandKind } from "../modules/amendments/domain/change-command.ts";
import { parseChangePath, type ChangeTarget } from "../modules/amendments/domain/change-path.ts";

export interface ChangeLike {
  command: CommandKind;
  orderLineId: string | null;
  oldValue: unknown;
  newValue: unknown;
}

/** What the page knows of the order's lines (a seller sees only their stores' lines). */
export type LineNames = ReadonlyMap<string, { lineNumber: number; sku: string }>;

export interface ChangeText {
  label: string;
  before: string;
  after: string;
}

const money = (v: unknown, currency: string) => (typeof v === "number" && Number.isSafeInteger(v) ? formatMoney(v, currency) : valueText(v));

function lineLabel(change: ChangeLike, lines: LineNames): string {
  const line = change.orderLineId ? lines.get(change.orderLineId) : undefined;
  const which = line ? `line ${line.lineNumber}` : "a line";
  if (change.command === "SubstituteItem") return `Item of ${which}`;
  const sku = line ? ` (${line.sku})` : "";
  return `${change.command === "ChangeUnitPrice" ? "Unit price" : "Quantity"} of ${which}${sku}`;
}

export function changeText(change: ChangeLike, lines: LineNames, currency: string): ChangeText {
  if (change.command === "ChangeUnitPrice") {
    return { label: lineLabel(change, lines), before: money(change.oldValue, currency), after: money(change.newValue, currency) };
  }
  const label = change.orderLineId ? lineLabel(change, lines) : COMMAND_WORDS[change.command];
  return { label, before: valueText(change.oldValue), after: valueText(change.newValue) };
}

/** The lines of an order view by id, for `changeText`. */
export function lineNamesOf(lines: readonly { id: string; lineNumber: number; sku: string }[]): LineNames {
  return new Map(lines.map((l) => [l.id, { lineNumber: l.lineNumber, sku: l.sku }]));
}

const COMMAND_OF: Readonly<Record<Exclude<ChangeTarget["kind"], "line">, CommandKind>> = {
  shippingAddress: "ChangeShippingAddress",
  contact: "ChangeContact",
  deliveryNote: "ChangeDeliveryNote",
  deliveryWindow: "ChangeDeliveryWindow",
};
const LINE_COMMAND_OF = { quantity: "ChangeLineQuantity", sku: "SubstituteItem", unitPrice: "ChangeUnitPrice" } as const;

/**
 * The changes an amendment's history entry records (`data.changes`: path, old and new value) in
 * words; null when the entry records none it can read (other entries, older shapes).
 */
export function historyChangeTexts(data: unknown, lines: LineNames, currency: string): ChangeText[] | null {
  const changes = (data as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(changes) || changes.length === 0) return null;
  const texts: ChangeText[] = [];
  for (const c of changes as { path?: unknown; oldValue?: unknown; newValue?: unknown }[]) {
    const target = parseChangePath(c?.path);
    if (!target) return null;
    const line = target.kind === "line";
    const command = line ? LINE_COMMAND_OF[target.field] : COMMAND_OF[target.kind];
    texts.push(changeText({ command, orderLineId: line ? target.orderLineId : null, oldValue: c.oldValue, newValue: c.newValue }, lines, currency));
  }
  return texts;
}
