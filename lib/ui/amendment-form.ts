// The "change delivery details" form as amendment changes. The page renders the order's values
// twice: as the inputs' defaults and, in a hidden field, as the old values the changes name — so
// if someone changed them meanwhile the request is refused as stale instead of overwriting.
import { CONTACT_FIELDS, SHIPPING_ADDRESS_FIELDS, type OrderFields } from "../modules/orders/domain/order-fields.ts";

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

/** The edited form as the amendment's changes (one per section that differs), plus which section each change is. */
export function amendmentFromForm(form: FormData): { reasonCode: string; reasonText: string; changes: { path: string; op: "REPLACE"; oldValue: unknown; newValue: unknown }[]; sections: Section[] } {
  let old: Partial<OrderFields> = {};
  try {
    old = JSON.parse(text(form, "current")) as Partial<OrderFields>;
  } catch {
    old = {};
  }
  const sections: Section[] = [];
  const changes = [];
  for (const section of SECTIONS) {
    const next = sectionValue(form, section, old);
    const before = old[section] ?? null;
    if (same(before, next)) continue;
    sections.push(section);
    changes.push({ path: `/${section}`, op: "REPLACE" as const, oldValue: before, newValue: next });
  }
  return { reasonCode: text(form, "reasonCode"), reasonText: text(form, "reasonText"), changes, sections };
}

/** A rule's path (`changes[0].newValue.postalCode`) → the input showing it (`shippingAddress.postalCode`). */
export function amendmentFieldOf(path: string, raw: { sections: Section[] }): string | undefined {
  const m = /^changes\[(\d+)\]\.(?:newValue|oldValue)\.?(.*)$/.exec(path);
  if (!m) return path === "changes" ? "changes" : path.split(".").pop();
  const section = raw.sections[Number(m[1])];
  if (!section) return "changes";
  if (section === "deliveryNote") return "deliveryNote";
  return m[2] ? `${section}.${m[2]}` : section;
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
