import { describe, expect, it } from 'vitest';
import {
  DomainError,
  ERROR_CODES,
  ERROR_STATUS,
  ERROR_TITLES,
  conflict,
  isDomainError,
  isErrorCode,
  notFound,
  validationFailed,
  type ErrorCode,
} from './errors';

const EXPECTED_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  UNPROCESSABLE: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_QUANTITY: 409,
  INSUFFICIENT_INVENTORY: 409,
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
  STALE_VALUE: 409,
  AMENDMENT_BLOCKED: 409,
  ASSESSMENT_CHANGED: 409,
  ASSET_IN_FLIGHT: 409,
};

describe('error tables', () => {
  it('has one entry per expected code, each once', () => {
    expect(ERROR_CODES).toHaveLength(Object.keys(EXPECTED_STATUS).length);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it.each(Object.entries(EXPECTED_STATUS))('%s maps to HTTP %i', (code, status) => {
    expect(ERROR_STATUS[code as ErrorCode]).toBe(status);
  });

  it('status and title tables cover every code and nothing else', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(ERROR_TITLES).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(ERROR_TITLES[code].length).toBeGreaterThan(0);
  });

  it('isErrorCode', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('not_found')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries code, message, details, status and title', () => {
    const e = new DomainError('OVER_REFUND', 'too much', { requested: 5, available: 3 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('OVER_REFUND');
    expect(e.message).toBe('too much');
    expect(e.details).toEqual({ requested: 5, available: 3 });
    expect(e.status).toBe(409);
    expect(e.title).toBe('Over-refund');
  });

  it('details is absent when not given', () => {
    const e = new DomainError('FORBIDDEN', 'no');
    expect(e.details).toBeUndefined();
  });
});

describe('helpers', () => {
  it('notFound', () => {
    const e = notFound('Order 42');
    expect(e.code).toBe('NOT_FOUND');
    expect(e.status).toBe(404);
    expect(e.message).toBe('Order 42 not found');
  });

  it('notFound with details', () => {
    expect(notFound('Order', { id: 'x' }).details).toEqual({ id: 'x' });
  });

  it('validationFailed copies the error list', () => {
    const errors = [{ path: 'lines[0].quantity', message: 'must be positive' }];
    const e = validationFailed(errors);
    errors[0]!.message = 'mutated';
    errors.push({ path: 'x', message: 'y' });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.status).toBe(422);
    expect(e.message).toBe('Validation failed');
    expect(e.details?.errors).toEqual([{ path: 'lines[0].quantity', message: 'must be positive' }]);
  });

  it('validationFailed custom message', () => {
    expect(validationFailed([], 'Bad order').message).toBe('Bad order');
  });

  it('conflict', () => {
    const e = conflict('INSUFFICIENT_QUANTITY', 'only 2 open', { available: 2 });
    expect(e.code).toBe('INSUFFICIENT_QUANTITY');
    expect(e.status).toBe(409);
    expect(e.details).toEqual({ available: 2 });
  });
});

describe('isDomainError', () => {
  it('accepts DomainError instances', () => {
    expect(isDomainError(notFound('x'))).toBe(true);
  });

  it('accepts a structurally identical error from another module copy', () => {
    const foreign = Object.assign(new Error('m'), { name: 'DomainError', code: 'CONFLICT' });
    expect(isDomainError(foreign)).toBe(true);
  });

  it('rejects everything else', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError(Object.assign(new Error('m'), { name: 'DomainError', code: 'NOPE' }))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'CONFLICT', message: 'x' })).toBe(false);
    expect(isDomainError(null)).toBe(false);
    expect(isDomainError('NOT_FOUND')).toBe(false);
  });
});
