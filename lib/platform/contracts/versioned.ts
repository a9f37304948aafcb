// Versioned JSON documents kept in a column (a change request's assessment; an amendment's or a
// return's the same way): one definition per kind gives the JSON to write and parses what is read
// back. A stored column is never cast to its type: it is parsed.
//
// Stored form: the document's own fields plus `v`, its version: `{ "v": 1, "feasibility": … }`.
// Flat, so a query or an older reader still finds the fields where they always were; `v` is
// therefore a name no document may use. A row written before documents carried a version has no
// `v` and is read as version 1.
//
// Reading takes `v`, runs the upgraders from that version up to the current one (`upgrade[n]`
// turns a version-n document into a version-(n+1) one), then parses with the current schema.
// Whatever does not fit (not an object, an unknown version, a field of the wrong shape) throws
// InvariantViolation naming the kind, the row and what is wrong.

import { z } from "zod";
import { InvariantViolation } from "../errors.ts";

export type Json = string | number | boolean | null | Json[] | { [field: string]: Json };

/** The JSON written to the column. */
export type StoredDocument = { v: number; [field: string]: Json };

/** A stored document's fields (without `v`), as an upgrader gets and returns them. */
export type DocumentFields = { [field: string]: unknown };

export interface VersionedDocument<T> {
  readonly kind: string;
  readonly version: number;
  /** The JSON to write: the value checked against the schema, as plain JSON, with `v`. */
  store(value: T): StoredDocument;
  /** The typed value of stored JSON; `of` names the row in the error (e.g. "cancellation CX-000042"). */
  parse(json: unknown, of?: string): T;
}

/**
 * true exactly when A and B are the same type. A document's schema is checked against the domain
 * type it stores with it, so neither can change without the other:
 * `const exact: SameType<z.output<typeof Schema>, DomainType> = true;`
 */
export type SameType<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Any object schema (stripping, strict or loose). */
type ObjectSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

export interface VersionedDocumentDefinition<S extends ObjectSchema> {
  /** What the document is, for messages: "cancellation assessment". */
  kind: string;
  /** The version `store` writes and `parse` returns; starts at 1. */
  version: number;
  /** The current version's shape. */
  schema: S;
  /** From-version → the step to the next version; one for each version below the current one. */
  upgrade?: Readonly<Record<number, (fields: DocumentFields) => DocumentFields>>;
}

const isObject = (json: unknown): json is DocumentFields => typeof json === "object" && json !== null && !Array.isArray(json);

/** Definition mistakes are programming errors: they fail when the module loads. */
function assertDefinition(d: VersionedDocumentDefinition<ObjectSchema>): void {
  if (!Number.isSafeInteger(d.version) || d.version < 1) throw new RangeError(`${d.kind}: version must be a positive integer, got ${d.version}`);
  if ("v" in d.schema.shape) throw new RangeError(`${d.kind}: the schema must not have a field named v (it holds the version)`);
  for (let n = 1; n < d.version; n++) {
    if (typeof d.upgrade?.[n] !== "function") throw new RangeError(`${d.kind}: no upgrade from version ${n} to ${n + 1}`);
  }
  const extra = Object.keys(d.upgrade ?? {}).filter((n) => !(Number(n) >= 1 && Number(n) < d.version));
  if (extra.length) throw new RangeError(`${d.kind}: upgrades from version(s) ${extra.join(", ")} lead past version ${d.version}`);
}

export function versionedDocument<S extends ObjectSchema>(definition: VersionedDocumentDefinition<S>): VersionedDocument<z.output<S>> {
  assertDefinition(definition);
  const { kind, version, schema, upgrade = {} } = definition;
  const failure = (of: string | undefined, what: string) => new InvariantViolation(kind, `Stored ${kind}${of ? ` of ${of}` : ""} ${what}`);

  /** The stored fields brought from version `from` to the current one. */
  const upgraded = (fields: DocumentFields, from: number, of: string | undefined): DocumentFields => {
    let out = fields;
    for (let n = from; n < version; n++) {
      try {
        out = upgrade[n]!(out);
      } catch (e) {
        throw failure(of, `could not be upgraded from version ${n}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return out;
  };

  return {
    kind,
    version,
    store(value) {
      const checked = schema.safeParse(value);
      if (!checked.success) throw new InvariantViolation(kind, `A ${kind} that does not match version ${version} cannot be stored: ${z.prettifyError(checked.error)}`);
      const fields = JSON.parse(JSON.stringify(checked.data)) as { [field: string]: Json };
      return { ...fields, v: version };
    },
    parse(json, of) {
      if (!isObject(json)) throw failure(of, `is not a JSON object (${json === null ? "null" : Array.isArray(json) ? "an array" : typeof json})`);
      const { v = 1, ...fields } = json;
      if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 1) throw failure(of, `has version ${JSON.stringify(v)}, which is not a version number`);
      if (v > version) throw failure(of, `has version ${v}, newer than version ${version} read here`);
      const parsed = schema.safeParse(upgraded(fields, v, of));
      if (!parsed.success) {
        throw failure(of, `does not match version ${version}${v < version ? ` (upgraded from version ${v})` : ""}: ${z.prettifyError(parsed.error)}`);
      }
      return parsed.data;
    },
  };
}
