import type { FieldError } from "../errors.ts";

/** The message next to a field holding a NUL character, which PostgreSQL cannot store. */
export const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

/** Deepest nesting of arrays/objects a request body may have; real bodies need fewer than 8. */
export const MAX_JSON_DEPTH = 32;

export type JsonInspection =
  | { ok: true }
  | { ok: false; reason: "TOO_DEEP"; depth: number }
  | { ok: false; reason: "NUL_CHARACTER"; errors: FieldError[] };

/**
 * Walks a parsed JSON value without recursion (a hostile body nested 10,000 levels deep must not
 * overflow the stack anywhere) and reports the first reason it cannot be processed: nesting
 * beyond `maxDepth`, or strings / keys holding a NUL character, which PostgreSQL cannot store.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonInspection {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: "" }];
  const nul: FieldError[] = [];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) nul.push({ path: path || "(body)", message: NUL_MESSAGE });
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > maxDepth) return { ok: false, reason: "TOO_DEEP", depth: depth + 1 };
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v as object);
    for (const [k, child] of entries) {
      const childPath = path ? `${path}.${k}` : k;
      if (k.includes("\u0000")) nul.push({ path: childPath.replaceAll("\u0000", "\\u0000"), message: "keys must not contain the NUL character (\\u0000)" });
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return nul.length ? { ok: false, reason: "NUL_CHARACTER", errors: nul.slice(0, 20) } : { ok: true };
}

/**
 * Named text values (path params, query, form fields) that hold a NUL character in their value or
 * name, as field errors, in order; a name given several times is checked for each of its values.
 */
export function nulFieldErrors(entries: Iterable<readonly [string, unknown]>, prefix?: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [k, v] of entries) {
    if (!k.includes("\u0000") && !(typeof v === "string" && v.includes("\u0000"))) continue;
    const name = k.replaceAll("\u0000", "\\u0000");
    errors.push({ path: prefix ? `${prefix}.${name}` : name, message: NUL_MESSAGE });
  }
  return errors;
}

/** Media types a JSON route accepts: application/json and any application/*+json. */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return true;
  const type = header.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
