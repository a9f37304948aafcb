import { z } from "zod";
import { API_ROUTES, type ApiRouteDef } from "./routes.ts";
import { PERMISSIONS } from "../platform/auth/permissions.ts";
import { Problem } from "../platform/contracts/common.ts";
import { WebhookDeliveryBody } from "../modules/webhooks/contracts/webhooks.ts";

type JsonSchema = Record<string, unknown>;

const COMPONENT_URI = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) for a zod schema; named schemas become $refs. */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  // `uri` is honoured for single schemas too (named sub-schemas become $refs) but typed only for registries.
  const options = { target: "draft-2020-12", io, unrepresentable: "any", uri: COMPONENT_URI } as Parameters<typeof z.toJSONSchema>[1];
  const out = z.toJSONSchema(schema, options) as JsonSchema;
  const defs = (out.$defs ?? {}) as Record<string, JsonSchema>;
  delete out.$defs;
  delete out.$schema;
  for (const [id, def] of Object.entries(defs)) components[id] ??= def;
  const id = z.globalRegistry.get(schema)?.id;
  if (id) {
    components[id] ??= out;
    return { $ref: COMPONENT_URI(id) };
  }
  return out;
}

function parametersOf(def: ApiRouteDef, components: Record<string, JsonSchema>) {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [["path", def.params], ["query", def.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: s });
    }
  }
  if (def.method === "POST") {
    list.push({ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", maxLength: 255 } });
  }
  if ((def.versioned || def.ifMatch) && def.method === "POST") {
    list.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The order version from its ETag, e.g. "3" (`*` matches any version); stale → 412 and nothing changes',
      schema: { type: "string" },
    });
  }
  return list;
}

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Malformed JSON, JSON nested more than 32 levels, malformed percent-encoding in the path, or missing Idempotency-Key",
  "401": "Missing or invalid API key",
  "403": "The key's user or scopes do not allow this",
  "404": "Not found or outside the caller's reach",
  "409": "State or quantity conflict, or Idempotency-Key reused with a different body",
  "412": "Stale If-Match",
  "413": "Request body too large",
  "415": "content-type is not JSON",
  "422": "Schema-valid but semantically wrong input, or validation errors",
  "429": "Rate limited (see Retry-After)",
};

let cached: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const problemRef = schemaOf(Problem, "output", components);
  for (const [name, def] of Object.entries(API_ROUTES) as [string, ApiRouteDef][]) {
    const scope = PERMISSIONS[def.permission].scope;
    const operation: JsonSchema = {
      operationId: name,
      summary: def.summary,
      description: [def.description, `Requires scope \`${scope}\` (or \`*\`) and one of the roles ${PERMISSIONS[def.permission].roles.join(", ")}.`]
        .filter(Boolean)
        .join("\n\n"),
      tags: [def.tag],
      parameters: parametersOf(def, components),
      security: [{ bearer: [] }],
      responses: {
        [String(def.status)]: {
          description: "Success",
          ...(def.versioned || def.ifMatch ? { headers: { ETag: { description: "The order version after the call", schema: { type: "string" } } } } : {}),
          content: { "application/json": { schema: schemaOf(def.response, "output", components) } },
        },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES)
            .filter(([code]) => def.method === "POST" || !["409", "412", "413", "415"].includes(code))
            .filter(([code]) => code !== "412" || def.versioned || def.ifMatch)
            .map(([code, description]) => [code, { description, content: { "application/problem+json": { schema: problemRef } } }]),
        ),
      },
    };
    if (def.body) {
      operation.requestBody = { required: true, content: { "application/json": { schema: schemaOf(def.body, "input", components) } } };
    }
    (paths[def.path] ??= {})[def.method.toLowerCase()] = operation;
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Countermand API",
      version: "1.0.0",
      description:
        "Order-change management over HTTP. Money is integer minor units; every POST needs an Idempotency-Key; orders carry ETag versions that commands accept as If-Match; errors are RFC 9457 problem+json with a stable `code`.",
    },
    servers: [{ url: "/api/v1" }],
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "API key created with `npm run apikey -- create …`" } } },
    paths,
    webhooks: webhookDocs(components),
  };
  return cached;
}

/** What registered webhook endpoints receive (OpenAPI 3.1 `webhooks`). */
function webhookDocs(components: Record<string, JsonSchema>): JsonSchema {
  const header = (name: string, description: string) => ({ name, in: "header", required: true, description, schema: { type: "string" } });
  return {
    event: {
      post: {
        summary: "An outbox event, POSTed to every endpoint that subscribes to its type",
        description:
          "Signed per Standard Webhooks. 2xx = delivered; network errors, timeouts, 5xx and 429 (Retry-After honoured) are retried with exponential backoff and jitter for about a day; other 4xx fail at once; 410 disables the endpoint.",
        parameters: [
          header("webhook-id", "the event id, stable across retries: dedupe on it"),
          header("webhook-timestamp", "unix seconds of the attempt"),
          header("webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body> per valid secret, space-separated"),
        ],
        requestBody: { required: true, content: { "application/json": { schema: schemaOf(WebhookDeliveryBody, "output", components) } } },
        responses: { "2XX": { description: "Delivered" } },
      },
    },
  };
}
