// Shared error vocabulary: the API maps these to HTTP responses and the UI
// switches on `code`, so codes are a closed union rather than free text.

import type { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNPROCESSABLE',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_QUANTITY',
  'INSUFFICIENT_INVENTORY',
  'VERSION_MISMATCH',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'REQUEST_IN_PROGRESS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'OVER_REFUND',
  'MALFORMED_URL',
  'JSON_TOO_DEEP',
  'METHOD_NOT_ALLOWED',
  'UNSUPPORTED_MEDIA_TYPE',
  'STALE_VALUE',
  'AMENDMENT_BLOCKED',
  'ASSESSMENT_CHANGED',
  'ASSET_IN_FLIGHT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  path: string;
  message: string;
}

/** Field paths in one notation everywhere (zod and domain errors alike): `lines[0].quantity`. */
export function fieldPath(segments: readonly PropertyKey[], prefix?: string): string {
  const path = segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)),
    prefix ?? '',
  );
  return path || '(root)';
}

/** zod issues as field errors (API problem+json `errors`, UI forms, domain parsers); an unknown key at its own path. */
export function zodFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: fieldPath([...i.path, key], prefix), message: i.message }))
      : [{ path: fieldPath(i.path, prefix), message: i.message }],
  );
}

export interface DomainErrorDetails {
  errors?: FieldError[];
  [k: string]: unknown;
}

export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 422,
  UNPROCESSABLE: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_QUANTITY: 409,
  INSUFFICIENT_INVENTORY: 409,
  // 412 because the client's If-Match / expected version precondition failed.
  VERSION_MISMATCH: 412,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  REQUEST_IN_PROGRESS: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  OVER_REFUND: 409,
  MALFORMED_URL: 400,
  JSON_TOO_DEEP: 400,
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // A change's oldValue is not what the order holds now.
  STALE_VALUE: 409,
  ASSET_IN_FLIGHT: 409,
  // The safety matrix refuses a change in its phase; the assessment rides in the problem body.
  AMENDMENT_BLOCKED: 409,
  // The order moved on since the amendment was assessed (fingerprint mismatch at apply).
  ASSESSMENT_CHANGED: 409,
};

export const ERROR_TITLES: Readonly<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'Validation failed',
  UNPROCESSABLE: 'Unprocessable request',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  INSUFFICIENT_QUANTITY: 'Insufficient quantity',
  INSUFFICIENT_INVENTORY: 'Insufficient inventory',
  VERSION_MISMATCH: 'Version mismatch',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused',
  IDEMPOTENCY_KEY_REQUIRED: 'Idempotency key required',
  REQUEST_IN_PROGRESS: 'Request in progress',
  UNAUTHENTICATED: 'Unauthenticated',
  FORBIDDEN: 'Forbidden',
  RATE_LIMITED: 'Rate limited',
  MALFORMED_JSON: 'Malformed JSON',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  OVER_REFUND: 'Over-refund',
  MALFORMED_URL: 'Malformed URL',
  JSON_TOO_DEEP: 'JSON nested too deeply',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  STALE_VALUE: 'Stale value',
  ASSET_IN_FLIGHT: 'Asset in flight',
  AMENDMENT_BLOCKED: 'Amendment blocked',
  ASSESSMENT_CHANGED: 'Assessment changed',
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: DomainErrorDetails | undefined;

  // Explicit fields instead of constructor parameter properties so the file
  // stays valid under type-stripping-only toolchains (erasableSyntaxOnly).
  constructor(code: ErrorCode, message: string, details?: DomainErrorDetails) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  get title(): string {
    return ERROR_TITLES[this.code];
  }
}

export function notFound(what: string, details?: DomainErrorDetails): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`, details);
}

export function validationFailed(errors: FieldError[], message = 'Validation failed'): DomainError {
  // Copy so later mutation of the caller's array cannot change a thrown error.
  return new DomainError('VALIDATION_FAILED', message, { errors: errors.map((e) => ({ ...e })) });
}

export function conflict(code: ErrorCode, message: string, details?: DomainErrorDetails): DomainError {
  return new DomainError(code, message, details);
}

export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  // Bundlers can load this module twice (e.g. separate server chunks), which
  // breaks instanceof; fall back to the structural shape.
  return (
    e instanceof Error &&
    e.name === 'DomainError' &&
    isErrorCode((e as { code?: unknown }).code)
  );
}

/**
 * Data the application wrote itself is not what it must be (a stored document that no longer
 * parses). Not a domain error: the caller can do nothing about it, so the command fails with a 500
 * (the message goes to the log, not to the user) and its transaction rolls back. `subject` names
 * what is broken, e.g. "cancellation assessment".
 */
export class InvariantViolation extends Error {
  readonly subject: string;

  constructor(subject: string, message: string) {
    super(message);
    this.name = 'InvariantViolation';
    this.subject = subject;
  }
}

export function isInvariantViolation(e: unknown): e is InvariantViolation {
  return e instanceof InvariantViolation || (e instanceof Error && e.name === 'InvariantViolation' && typeof (e as { subject?: unknown }).subject === 'string');
}
