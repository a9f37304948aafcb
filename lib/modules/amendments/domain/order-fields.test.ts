import { describe, expect, it } from 'vitest';
import {
  parseAddressField,
  parseContact,
  parseContactField,
  parseDeliveryNote,
  parseDeliveryWindow,
  parseShippingAddress,
} from './order-fields.ts';
import { ADDRESS, CONTACT } from './fixtures.ts';

describe('shipping address', () => {
  it('canonicalises: trims, optional parts absent or blank become null', () => {
    const r = parseShippingAddress({ name: ' Ada ', line1: '1 Main St', city: 'X', postalCode: '1', country: 'DE', region: ' ' }, 'a');
    expect(r).toEqual({
      ok: true,
      value: { name: 'Ada', line1: '1 Main St', line2: null, city: 'X', region: null, postalCode: '1', country: 'DE' },
    });
  });
  it('reports every bad or missing field, and unknown fields, with its path', () => {
    const r = parseShippingAddress({ name: '', line1: 'x'.repeat(201), city: 'X', country: 'usa', zip: '1' }, 'changes[0].newValue');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual([
      'changes[0].newValue.name',
      'changes[0].newValue.line1',
      'changes[0].newValue.postalCode',
      'changes[0].newValue.country',
      'changes[0].newValue.zip',
    ]);
  });
  it('refuses a non-object', () => {
    for (const v of [null, 'x', [ADDRESS]]) expect(parseShippingAddress(v, 'a').ok).toBe(false);
  });
  it('checks single fields by their own rule', () => {
    expect(parseAddressField('country', 'GB', 'p')).toEqual({ ok: true, value: 'GB' });
    expect(parseAddressField('country', 'UK', 'p').ok).toBe(false);
    expect(parseAddressField('line2', null, 'p')).toEqual({ ok: true, value: null });
    expect(parseAddressField('city', null, 'p').ok).toBe(false);
    expect(parseAddressField('postalCode', '1'.repeat(21), 'p').ok).toBe(false);
  });
});

describe('contact', () => {
  it('takes name, e-mail and an optional phone', () => {
    expect(parseContact({ ...CONTACT }, 'c')).toEqual({ ok: true, value: { ...CONTACT } });
    expect(parseContact({ name: 'A', email: 'a@b.co' }, 'c')).toEqual({ ok: true, value: { name: 'A', email: 'a@b.co', phone: null } });
  });
  it('refuses a bad e-mail or phone', () => {
    expect(parseContactField('email', 'nope', 'p')).toEqual({ ok: false, errors: [{ path: 'p', message: 'must be an e-mail address' }] });
    expect(parseContactField('phone', 'call me', 'p').ok).toBe(false);
    expect(parseContactField('email', null, 'p').ok).toBe(false);
  });
});

describe('delivery note', () => {
  it('is bounded free text; blank means no note', () => {
    expect(parseDeliveryNote('Ring twice\nthen wait', 'n')).toEqual({ ok: true, value: 'Ring twice\nthen wait' });
    expect(parseDeliveryNote('   ', 'n')).toEqual({ ok: true, value: null });
    expect(parseDeliveryNote('x'.repeat(1001), 'n').ok).toBe(false);
    expect(parseDeliveryNote(42, 'n').ok).toBe(false);
  });
});

describe('delivery window', () => {
  it('takes instants with a zone and stores them as UTC', () => {
    expect(parseDeliveryWindow({ from: '2030-05-01T10:00:00+02:00', to: '2030-05-01T12:00:00Z' }, 'w')).toEqual({
      ok: true,
      value: { from: '2030-05-01T08:00:00.000Z', to: '2030-05-01T12:00:00.000Z' },
    });
  });
  it('needs from strictly before to', () => {
    const same = parseDeliveryWindow({ from: '2030-05-01T10:00:00+02:00', to: '2030-05-01T08:00:00Z' }, 'w');
    expect(same).toEqual({ ok: false, errors: [{ path: 'w.to', message: 'must be after from' }] });
  });
  it('refuses local times, missing ends and unknown fields', () => {
    const r = parseDeliveryWindow({ from: '2030-05-01T10:00:00', until: 'x' }, 'w');
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['w.from', 'w.to', 'w.until']);
    expect(parseDeliveryWindow('tomorrow', 'w').ok).toBe(false);
  });
});
