// What of another store's part of an order shows up in a response: used by the scoping tests to
// assert that a seller's answers carry none of it.

export interface Forbidden {
  /**
   * Ids and amounts. An id may not appear in any string; an amount may not be any number in the
   * body, nor stand as a word in any text, raw ("refund 2357 USD") or formatted ("$23.57").
   */
  values: readonly (string | number)[];
  /** Texts (SKUs, note bodies) that no string in the body may contain. */
  texts: readonly string[];
}

// Timestamps could contain an amount's digits by chance ("…:23.571Z").
const TIMESTAMPS = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

function leaves(value: unknown, out: (string | number)[] = []): (string | number)[] {
  if (typeof value === "string" || typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) leaves(v, out);
  return out;
}

/** Money as pages and history descriptions write it (e.g. 2357 → "23.57"). */
export const formatted = (minor: number) => (minor / 100).toFixed(2);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const amountPattern = (n: number) => new RegExp(`(?<![\\w.,])(${escape(String(n))}|${escape(formatted(n))})(?![\\w]|[.,]\\d)`);

function findIn(texts: readonly string[], forbidden: Forbidden): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(TIMESTAMPS, "");
    for (const v of forbidden.values) {
      if (typeof v === "string" ? text.includes(v) : amountPattern(v).test(text)) found.add(String(v));
    }
    for (const t of forbidden.texts) if (text.includes(t)) found.add(t);
  }
  return [...found];
}

/** Every forbidden value or text found in a JSON body (empty when nothing leaks). */
export function leaksIn(body: unknown, forbidden: Forbidden): string[] {
  const all = leaves(body);
  const numbers = new Set(all.filter((v): v is number => typeof v === "number"));
  const found = new Set(forbidden.values.filter((v) => typeof v === "number" && numbers.has(v)).map(String));
  for (const f of findIn(all.filter((v): v is string => typeof v === "string"), forbidden)) found.add(f);
  return [...found];
}

/** The same check on a rendered page (its HTML and the RSC payload in it). */
export function leaksInHtml(html: string, forbidden: Forbidden): string[] {
  return findIn([html], forbidden);
}
