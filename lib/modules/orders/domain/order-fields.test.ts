import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '../../../platform/errors.ts';
import { DeliveryNoteSchema, DeliveryWindowSchema, OrderFieldsInput, optionalText, requiredText, ContactSchema } from './order-fields.ts';

const messages = (r: { success: boolean; error?: unknown }) =>
  r.success ? [] : (r.error as { issues: { message: string }[] }).issues.map((i) => i.message);

describe('text fields', () => {
  it('trims and bounds text', () => {
    expect(requiredText(5).parse('  abc ')).toBe('abc');
    expect(messages(requiredText(5).safeParse('abcdef'))).toEqual(['must be at most 5 characters']);
  });
  it('requires a value when required, maps absent or blank to null when optional', () => {
    expect(messages(requiredText(5).safeParse('  '))).toEqual(['is required']);
    expect(messages(requiredText(5).safeParse(null))).toEqual(['is required']);
    expect(optionalText(5).parse('  ')).toBeNull();
    expect(optionalText(5).parse(undefined)).toBeNull();
    expect(optionalText(5).parse(null)).toBeNull();
  });
  it('refuses non-strings, NUL and line breaks in single-line text', () => {
    expect(messages(requiredText(5).safeParse(5))).toEqual(['must be a string']);
    expect(requiredText(5).safeParse('a\u0000b').success).toBe(false);
    expect(messages(requiredText(5).safeParse('a\nb'))).toEqual(['must be a single line of text']);
    expect(requiredText(5, { multiline: true }).parse('a\nb')).toBe('a\nb');
    expect(messages(requiredText(5, { multiline: true }).safeParse('a\u0000b'))).toEqual(['must not contain control characters']);
  });
});

describe('order field schemas', () => {
  it('bound the delivery note at 1000 characters of free text', () => {
    expect(DeliveryNoteSchema.parse('Ring twice\nthen wait')).toBe('Ring twice\nthen wait');
    expect(DeliveryNoteSchema.safeParse('x'.repeat(1001)).success).toBe(false);
  });
  it('take an optional phone, checked when given', () => {
    expect(ContactSchema.parse({ name: 'Ada', email: 'a@b.co', phone: ' ' })).toEqual({ name: 'Ada', email: 'a@b.co', phone: null });
    expect(messages(ContactSchema.safeParse({ name: 'Ada', email: 'a@b.co', phone: 'call me' }))).toEqual([
      'must be a phone number (digits, spaces, + ( ) . / -)',
    ]);
  });
  it('store a window as UTC instants', () => {
    expect(DeliveryWindowSchema.parse({ from: '2030-05-01T10:00:00+02:00', to: '2030-05-01T12:00Z' })).toEqual({
      from: '2030-05-01T08:00:00.000Z',
      to: '2030-05-01T12:00:00.000Z',
    });
  });
});

describe('OrderFieldsInput', () => {
  const ADDRESS = { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12930', country: 'US' };

  it('takes every field as optional, as intake does, and gives the canonical values', () => {
    expect(OrderFieldsInput.parse({})).toEqual({});
    const full = {
      shippingAddress: ADDRESS,
      contact: { name: 'Ada', email: 'a@b.co' },
      deliveryNote: ' Ring ',
      deliveryWindow: { from: '2030-05-01T08:00:00Z', to: '2030-05-01T12:00:00+02:00' },
    };
    expect(OrderFieldsInput.parse(full)).toEqual({
      shippingAddress: { ...ADDRESS, line2: null, region: null },
      contact: { name: 'Ada', email: 'a@b.co', phone: null },
      deliveryNote: 'Ring',
      deliveryWindow: { from: '2030-05-01T08:00:00.000Z', to: '2030-05-01T10:00:00.000Z' },
    });
  });
  it('reports the field path of every bad value', () => {
    const r = OrderFieldsInput.safeParse({
      shippingAddress: { ...ADDRESS, country: 'XX', postalCode: '1'.repeat(21), zip: '1' },
      contact: { name: 'Ada', email: 'nope' },
      deliveryWindow: { from: '2030-05-01T12:00:00Z', to: '2030-05-01T08:00:00Z' },
    });
    expect(r.success).toBe(false);
    expect(zodFieldErrors(r.error!).map((e) => e.path)).toEqual([
      'shippingAddress.postalCode',
      'shippingAddress.country',
      'shippingAddress.zip',
      'contact.email',
      'deliveryWindow.to',
    ]);
  });
});
