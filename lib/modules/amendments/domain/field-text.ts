// What amendment rules share: a parse result with field errors, parsing with the order field
// schemas (lib/modules/orders/domain/order-fields.ts), and deep equality of JSON-like values.

import type { z } from 'zod';
import { zodFieldErrors, type FieldError } from '../../../platform/errors.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(path: string, message: string): Parsed<T> => ({ ok: false, errors: [{ path, message }] });

/** `raw` parsed by `schema`; errors at `path` and below (`path.field`). */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, path: string): Parsed<z.output<S>> {
  const r = schema.safeParse(raw);
  return r.success ? ok(r.data) : { ok: false, errors: zodFieldErrors(r.error, path) };
}

/** Deep equality of JSON-like values (plain objects, arrays, primitives). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
