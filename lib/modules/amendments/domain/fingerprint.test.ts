import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { fingerprintOf } from './fingerprint.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson([undefined, true])).toBe('[null,true]');
  });
  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(RangeError);
    expect(() => canonicalJson(BigInt(1))).toThrow(TypeError);
  });
});

describe('fingerprintOf', () => {
  const reads = { lines: { L1: { counts: { OPEN: 5 }, unitPrice: 2000 } }, fields: { deliveryNote: 'x' } };

  it('is a sha-256 hex digest, stable for the same inputs whatever the key order', () => {
    const a = fingerprintOf(3, reads);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(3, { fields: { deliveryNote: 'x' }, lines: { L1: { unitPrice: 2000, counts: { OPEN: 5 } } } })).toBe(a);
  });

  it('changes with the order version or any value read', () => {
    const a = fingerprintOf(3, reads);
    expect(fingerprintOf(4, reads)).not.toBe(a);
    expect(fingerprintOf(3, { ...reads, fields: { deliveryNote: 'y' } })).not.toBe(a);
    expect(fingerprintOf(3, { ...reads, lines: { L1: { counts: { OPEN: 4 }, unitPrice: 2000 } } })).not.toBe(a);
  });
});
