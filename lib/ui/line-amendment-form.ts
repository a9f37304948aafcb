// The line part of the "change order" form as amendment changes: per line a quantity (the units
// neither cancelled nor returned), and for the seller an item (SKU) and a unit price typed in
// major units. Inputs are named `lines.<orderLineId>.<part>`; a part the page does not show is
// not read, so the buyer's page (quantities only) never sends the other two.
import { formatMoneyInput, parseMoneyInput } from "./money-input.ts";

export const LINE_PARTS = ["quantity", "sku", "unitPrice"] as const;
export type LinePart = (typeof LINE_PARTS)[number];

/** What the page showed of a line: the old values the changes name. */
export interface LineCurrent {
  lineNumber: number;
  sku: string;
  /** Active units: neither cancelled nor returned. */
  quantity: number;
  /** Minor units. */
  unitPrice: number;
}

export interface LineChange {
  path: string;
  op: "REPLACE";
  oldValue: string | number;
  newValue: string | number;
}

/** The input showing a line's part. */
export const lineInputName = (orderLineId: string, part: LinePart) => `lines.${orderLineId}.${part}`;

/** What a line's input shows before anyone edits it. */
export function lineInputDefault(line: LineCurrent, part: LinePart): string {
  if (part === "unitPrice") return formatMoneyInput(line.unitPrice);
  return part === "sku" ? line.sku : String(line.quantity);
}

type Read = { ok: true; value: string | number } | { ok: false; message: string };

function readQuantity(text: string): Read {
  if (text === "") return { ok: false, message: "Enter the number of units you want (leave the current number to keep it)." };
  if (!/^\d+$/.test(text)) return { ok: false, message: "Enter a whole number of units, like 3." };
  const n = Number(text);
  if (n === 0) return { ok: false, message: "To remove this item entirely, cancel it from the order page instead." };
  if (!Number.isSafeInteger(n)) return { ok: false, message: "Enter a smaller number of units." };
  return { ok: true, value: n };
}

function readSku(text: string): Read {
  return text === "" ? { ok: false, message: "Enter the SKU of the item to send instead." } : { ok: true, value: text };
}

function readUnitPrice(text: string): Read {
  if (text === "") return { ok: false, message: "Enter the unit price, e.g. 18.00." };
  const minor = parseMoneyInput(text);
  if (minor === null) return { ok: false, message: "Enter an amount like 18.00 (at most two decimals)." };
  if (minor < 0) return { ok: false, message: "A unit price can't be negative." };
  return { ok: true, value: minor };
}

const READERS: Readonly<Record<LinePart, (text: string) => Read>> = { quantity: readQuantity, sku: readSku, unitPrice: readUnitPrice };

/**
 * The edited line inputs as changes, in line then part order, each with the input it came from
 * (`inputs[i]` shows `changes[i]`), plus messages for inputs that are not a valid value.
 * An input equal to what the page showed changes nothing.
 */
export function lineChangesFromForm(form: FormData, lines: Readonly<Record<string, LineCurrent>>) {
  const changes: LineChange[] = [];
  const inputs: string[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [id, line] of Object.entries(lines)) {
    for (const part of LINE_PARTS) {
      const name = lineInputName(id, part);
      const raw = form.get(name);
      if (typeof raw !== "string") continue;
      const read = READERS[part](raw.trim());
      if (!read.ok) {
        fieldErrors[name] = read.message;
        continue;
      }
      const oldValue = part === "unitPrice" ? line.unitPrice : part === "sku" ? line.sku : line.quantity;
      if (read.value === oldValue) continue;
      changes.push({ path: `/lines/${id}/${part}`, op: "REPLACE", oldValue, newValue: read.value });
      inputs.push(name);
    }
  }
  return { changes, inputs, fieldErrors };
}

type Quantities = Record<"open" | "allocated" | "released" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "returned", number>;

export interface ChangeableLine extends LineCurrent {
  id: string;
  itemName: string;
}

/**
 * The lines a change-order page offers: those with units neither cancelled nor returned, some of
 * them not yet shipped (a shipped line changes through a return or a supplemental order).
 */
export function changeableLines(lines: readonly { id: string; lineNumber: number; sku: string; itemName: string; unitPrice: number; quantities: Quantities }[]): ChangeableLine[] {
  return lines.flatMap((l) => {
    const q = l.quantities;
    const active = Object.values(q).reduce((a, b) => a + b, 0) - q.cancelled - q.returned;
    if (active - q.shipped - q.delivered <= 0) return [];
    return [{ id: l.id, lineNumber: l.lineNumber, sku: l.sku, itemName: l.itemName, unitPrice: l.unitPrice, quantity: active }];
  });
}

/** The lines as the form's hidden `current` carries them (the old values its changes name). */
export const currentLinesOf = (lines: readonly ChangeableLine[]): Record<string, LineCurrent> =>
  Object.fromEntries(lines.map((l) => [l.id, { lineNumber: l.lineNumber, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }]));
