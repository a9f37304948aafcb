// Reading the generated OpenAPI document for the human API reference page: resolving $refs and
// flattening JSON Schemas into field rows ("lines[].quantity · integer · required · > 0").

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDoc {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  components?: { schemas?: Record<string, JsonSchema> };
  paths?: Record<string, Record<string, JsonSchema>>;
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  constraints: string[];
  description?: string;
}

export interface OperationView {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  parameters: (FieldRow & { in: string })[];
  requestSchemaName?: string;
  requestFields: FieldRow[];
  responses: { status: string; description: string; schemaName?: string; contentType?: string; fields: FieldRow[] }[];
}

const REF_PREFIX = "#/components/schemas/";
// zod marks plain integers with the safe-integer range; that is noise for a reader.
const SAFE = 9007199254740991;

export function refName(schema: JsonSchema | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === "string" && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema {
  const name = refName(schema);
  if (name) return doc.components?.schemas?.[name] ?? {};
  return schema ?? {};
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

export function typeLabel(doc: OpenApiDoc, raw: JsonSchema): string {
  const name = refName(raw);
  const s = resolve(doc, raw);
  if (Array.isArray(s.enum)) return s.enum.map(String).join(" | ");
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const parts = ((s.anyOf ?? s.oneOf) as JsonSchema[]).map((x) => typeLabel(doc, x));
    return [...new Set(parts)].join(" | ");
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).join(" | ") : typeof s.type === "string" ? s.type : name ? name : "any";
  if (type === "array") {
    const items = (s.items ?? {}) as JsonSchema;
    return `array of ${typeLabel(doc, items)}`;
  }
  return name && type === "object" ? name : type;
}

export function constraintsOf(doc: OpenApiDoc, raw: JsonSchema): string[] {
  const s = resolve(doc, raw);
  const out: string[] = [];
  const min = typeof s.minimum === "number" && s.minimum > -SAFE ? s.minimum : undefined;
  const max = typeof s.maximum === "number" && s.maximum < SAFE ? s.maximum : undefined;
  if (typeof s.exclusiveMinimum === "number") out.push(`> ${fmt(s.exclusiveMinimum)}`);
  if (min !== undefined) out.push(`≥ ${fmt(min)}`);
  if (max !== undefined) out.push(`≤ ${fmt(max)}`);
  const minL = typeof s.minLength === "number" ? s.minLength : undefined;
  const maxL = typeof s.maxLength === "number" ? s.maxLength : undefined;
  if (minL !== undefined && maxL !== undefined) out.push(`${minL}–${maxL} chars`);
  else if (maxL !== undefined) out.push(`≤ ${maxL} chars`);
  else if (minL !== undefined && minL > 0) out.push(`≥ ${minL} chars`);
  const minI = typeof s.minItems === "number" ? s.minItems : undefined;
  const maxI = typeof s.maxItems === "number" ? s.maxItems : undefined;
  if (minI !== undefined || maxI !== undefined) out.push(`${minI ?? 0}–${maxI ?? "∞"} items`);
  if (typeof s.format === "string") out.push(`format ${s.format}`);
  if (typeof s.pattern === "string" && s.format === undefined) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** Flattens an object schema into rows; nested objects become "a.b", arrays of objects "a[].b". */
export function fieldRows(doc: OpenApiDoc, raw: JsonSchema | undefined, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(doc, raw);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const rows: FieldRow[] = [];
  for (const [key, child] of Object.entries(props)) {
    const name = `${prefix}${key}`;
    const c = resolve(doc, child);
    rows.push({
      name,
      type: typeLabel(doc, child),
      required: required.has(key),
      constraints: constraintsOf(doc, child),
      description: typeof c.description === "string" ? c.description : undefined,
    });
    if (depth >= 4) continue;
    if (c.type === "object" && c.properties) rows.push(...fieldRows(doc, child, `${name}.`, depth + 1));
    if (c.type === "array") {
      const items = resolve(doc, (c.items ?? {}) as JsonSchema);
      if (items.type === "object" && items.properties) rows.push(...fieldRows(doc, c.items as JsonSchema, `${name}[].`, depth + 1));
    }
  }
  return rows;
}

function jsonContent(content: unknown): { contentType?: string; schema?: JsonSchema } {
  if (!content || typeof content !== "object") return {};
  const [contentType, media] = Object.entries(content as Record<string, { schema?: JsonSchema }>)[0] ?? [];
  return { contentType, schema: media?.schema };
}

export function operationsOf(doc: OpenApiDoc): OperationView[] {
  const ops: OperationView[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters ?? []) as JsonSchema[]).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        type: typeLabel(doc, (p.schema ?? {}) as JsonSchema),
        required: Boolean(p.required),
        constraints: constraintsOf(doc, (p.schema ?? {}) as JsonSchema),
        description: typeof p.description === "string" ? p.description : undefined,
      }));
      const body = jsonContent((op.requestBody as JsonSchema | undefined)?.content);
      const responses = Object.entries((op.responses ?? {}) as Record<string, JsonSchema>).map(([status, r]) => {
        const c = jsonContent(r.content);
        return {
          status,
          description: String(r.description ?? ""),
          schemaName: refName(c.schema),
          contentType: c.contentType,
          fields: status.startsWith("2") ? fieldRows(doc, c.schema) : [],
        };
      });
      ops.push({
        operationId: String(op.operationId ?? `${method}-${path}`),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        description: String(op.description ?? ""),
        tag: Array.isArray(op.tags) && op.tags.length ? String(op.tags[0]) : "Other",
        parameters: params,
        requestSchemaName: refName(body.schema),
        requestFields: body.schema ? fieldRows(doc, body.schema) : [],
        responses,
      });
    }
  }
  return ops;
}

/** Operations grouped by their first tag, tags in first-seen order. */
export function groupByTag(ops: OperationView[]): [string, OperationView[]][] {
  const groups = new Map<string, OperationView[]>();
  for (const op of ops) groups.set(op.tag, [...(groups.get(op.tag) ?? []), op]);
  return [...groups.entries()];
}

/** Anchor id of an error code, matching problem `type` URIs: VERSION_MISMATCH → error-version-mismatch. */
export function errorAnchor(code: string): string {
  return `error-${code.toLowerCase().replaceAll("_", "-")}`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
