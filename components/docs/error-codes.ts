import type { ErrorCode } from "@/lib/platform/errors";

/** What each problem `code` means for a caller, and what to do about it. */
export const ERROR_MEANINGS: Readonly<Record<ErrorCode | "INTERNAL", string>> = {
  VALIDATION_FAILED: "The path, query or body does not match the schema. `errors` lists every offending field as `{ path, message }`. Nothing changed.",
  UNPROCESSABLE: "The input is well-formed but cannot be applied, e.g. an unknown store or location, or payments that do not add up to the order total.",
  NOT_FOUND: "The resource does not exist or is outside the caller's reach (another buyer's order, another store's lines). The two cases are indistinguishable on purpose.",
  CONFLICT: "The request conflicts with the current state of the resource.",
  INSUFFICIENT_QUANTITY: "A line's source bucket holds fewer units than requested (e.g. shipping 3 when 2 are packed). No unit of any line moved.",
  INSUFFICIENT_INVENTORY: "Not enough free supply at the line's ship-from location to allocate the units, or a negative adjustment below the allocated amount. Nothing changed.",
  VERSION_MISMATCH: "`If-Match` named an order version that is no longer current (HTTP 412). Read the order again and retry with its new `ETag` if the change still makes sense.",
  IDEMPOTENCY_KEY_REUSED: "This `Idempotency-Key` was already used with a different method, path or body. Use a new key for a new request.",
  IDEMPOTENCY_KEY_REQUIRED: "A POST arrived without an `Idempotency-Key` header (1–255 characters).",
  REQUEST_IN_PROGRESS: "A request with the same `Idempotency-Key` is still running. Retry shortly; you will get its stored response.",
  UNAUTHENTICATED: "No API key was sent, or it is malformed, unknown or revoked.",
  FORBIDDEN: "The key's user lacks the role, or the key lacks the scope, for this operation.",
  RATE_LIMITED: "Too many requests for this key in the current minute. Wait the number of seconds in `Retry-After`.",
  MALFORMED_JSON: "The request body is not valid JSON.",
  PAYLOAD_TOO_LARGE: "The request body exceeds the configured maximum size.",
  OVER_REFUND: "The refund would exceed what was paid for the order or tender.",
  MALFORMED_URL: "The request path holds malformed percent-encoding (e.g. `%E0%A4%A`) and cannot be decoded.",
  JSON_TOO_DEEP: "The JSON body nests arrays or objects more deeply than the API accepts (32 levels). Nothing was processed.",
  METHOD_NOT_ALLOWED: "The path exists but not with this HTTP method; the `Allow` header lists the methods it takes.",
  UNSUPPORTED_MEDIA_TYPE: "A POST sent a `content-type` other than `application/json` (or `application/*+json`).",
  STALE_VALUE: "An amendment's `oldValue` is not what the order holds now (`errors` names the change and carries the current value). Read the order again; nothing was stored.",
  AMENDMENT_BLOCKED: "The safety matrix refuses at least one change in its phase (e.g. a new address after shipping). `assessment` in the body lists the blockers; nothing was stored.",
  ASSESSMENT_CHANGED: "The order moved on since the amendment was assessed, so its fingerprint no longer matches; the request is FAILED and nothing changed. Request the amendment again.",
  INTERNAL: "An unexpected server error. The detail quotes a request id (also in `X-Request-Id`); include it when reporting the problem.",
};
