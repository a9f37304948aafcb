// The "change delivery details" form as amendment changes. The page renders the order's values
// twice: as the inputs' defaults and, in a hidden field, as the old values the changes name — so
// if someone changed them meanwhile the request is refused as stale instead of overwriting.
// The lines' part (quantity, item, unit price) is `line-amendment-form.ts`.
import { CONTACT_FIELDS, SHIPPING_ADDRESS_FIELDS, type OrderFields } from "../modules/orders/domain/order-fields.ts";
import { lineChangesFromForm, type LineCurrent } from "./line-amendment-form.ts";

export const SECTIONS = ["shippingAddress", "contact", "deliveryNote", "deliveryWindow"] as const;
export type Section = (typeof SECTIONS)[number];

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};

/**
 * `2030-05-01T08:00` typed in the form (UTC) → an instant as order views write it; the form shows
 * minutes only, so an unchanged input keeps the order's own instant. Blank → null; anything else
 * is left for the rules to refuse.
 */
function instant(local: string, old: string | undefined): string | null {
  if (!local) return null;
  if (old && localInput(old) === local) return old;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00.000Z` : local;
}

function sectionValue(form: FormData, section: Section, old: Partial<OrderFields>): unknown {
  if (section === "deliveryNote") return text(form, "deliveryNote") || null;
  if (section === "deliveryWindow") {
    const [from, to] = [text(form, "deliveryWindow.from"), text(form, "deliveryWindow.to")];
    return from || to ? { from: instant(from, old.deliveryWindow?.from), to: instant(to, old.deliveryWindow?.to) } : null;
  }
  const fields = section === "shippingAddress" ? SHIPPING_ADDRESS_FIELDS : CONTACT_FIELDS;
  const entries = fields.map((f) => [f, text(form, `${section}.${f}`) || null] as const);
  return entries.every(([, v]) => v === null) ? null : Object.fromEntries(entries);
}

/** Equal as values: key order does not matter, a missing optional part equals null. */
function same(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, x ?? null])) : (v ?? null);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** What the page showed: the order's fields and, when it offers line changes, its lines by id. */
export type FormCurrent = Partial<OrderFields> & { lines?: Record<string, LineCurrent> };

export interface AmendmentForm {
  reasonCode: string;
  reasonText: string;
  changes: { path: string; op: "REPLACE"; oldValue: unknown; newValue: unknown }[];
  /** The input (or section of inputs) showing each change: `sections[i]` shows `changes[i]`. */
  sections: string[];
  /** Inputs that hold no valid value (a quantity of 0, a price that is not money). */
  fieldErrors: Record<string, string>;
}

/** The edited form as the amendment's changes: one per section that differs, then one per edited line input. */
export function amendmentFromForm(form: FormData): AmendmentForm {
  let old: FormCurrent = {};
  try {
    old = JSON.parse(text(form, "current")) as FormCurrent;
  } catch {
    old = {};
  }
  const sections: string[] = [];
  const changes = [];
  for (const section of SECTIONS) {
    const next = sectionValue(form, section, old);
    const before = old[section] ?? null;
    if (same(before, next)) continue;
    sections.push(section);
    changes.push({ path: `/${section}`, op: "REPLACE" as const, oldValue: before, newValue: next });
  }
  const lines = lineChangesFromForm(form, old.lines ?? {});
  return {
    reasonCode: text(form, "reasonCode"),
    reasonText: text(form, "reasonText"),
    changes: [...changes, ...lines.changes],
    sections: [...sections, ...lines.inputs],
    fieldErrors: lines.fieldErrors,
  };
}

/**
 * A rule's path → the input showing it: `changes[0].newValue.postalCode` → `shippingAddress.postalCode`,
 * `changes[2].newValue` (or `.path`, `.oldValue`) of a line change → that line's input (`lines.<id>.sku`).
 */
export function amendmentFieldOf(path: string, raw: { sections: readonly string[] }): string | undefined {
  const m = /^changes\[(\d+)\](?:\.(newValue|oldValue|path)\.?(.*))?$/.exec(path);
  if (!m) return path === "changes" ? "changes" : path.split(".").pop();
  const section = raw.sections[Number(m[1])];
  if (!section) return "changes";
  if (section === "deliveryNote" || section.startsWith("lines.")) return section;
  return m[3] ? `${section}.${m[3]}` : section;
}

/** Datetime-local input value (UTC) of an instant. */
export function localInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16) : "";
}

/** A change's value in one line of text (an address or contact as its parts, none as a dash). */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v !== "object") return String(v);
  return Object.values(v as Record<string, unknown>).filter((x) => x !== null && x !== "").join(", ");
}
