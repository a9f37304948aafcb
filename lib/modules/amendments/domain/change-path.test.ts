import { describe, expect, it } from 'vitest';
import { fieldsWritten, parseChangePath } from './change-path.ts';

describe('parseChangePath', () => {
  it('knows every path of the API', () => {
    expect(parseChangePath('/shippingAddress')).toEqual({ kind: 'shippingAddress', field: null });
    expect(parseChangePath('/shippingAddress/postalCode')).toEqual({ kind: 'shippingAddress', field: 'postalCode' });
    expect(parseChangePath('/contact')).toEqual({ kind: 'contact', field: null });
    expect(parseChangePath('/contact/phone')).toEqual({ kind: 'contact', field: 'phone' });
    expect(parseChangePath('/deliveryNote')).toEqual({ kind: 'deliveryNote' });
    expect(parseChangePath('/deliveryWindow')).toEqual({ kind: 'deliveryWindow' });
    for (const field of ['quantity', 'sku', 'unitPrice'] as const) {
      expect(parseChangePath(`/lines/cl0abc/${field}`)).toEqual({ kind: 'line', orderLineId: 'cl0abc', field });
    }
  });
  it('decodes JSON Pointer escapes in line ids', () => {
    expect(parseChangePath('/lines/a~1b~0c/sku')).toEqual({ kind: 'line', orderLineId: 'a/b~c', field: 'sku' });
    expect(parseChangePath('/lines/a~2b/sku')).toBeNull();
  });
  it('refuses everything else', () => {
    for (const p of [
      '',
      '/',
      'shippingAddress',
      '/shippingAddress/street',
      '/shippingAddress/city/x',
      '/contact/fax',
      '/deliveryNote/text',
      '/deliveryWindow/from',
      '/lines',
      '/lines/L1',
      '/lines/L1/taxAmount',
      '/lines//quantity',
      '/lines/L1/quantity/x',
      '/status',
      '/__proto__',
      `/lines/${'x'.repeat(400)}/sku`,
      42,
      null,
    ]) {
      expect(parseChangePath(p), String(p)).toBeNull();
    }
  });
});

describe('fieldsWritten', () => {
  it('names each field a target writes, so overlapping changes can be found', () => {
    expect(fieldsWritten({ kind: 'contact', field: null })).toEqual(['contact.name', 'contact.email', 'contact.phone']);
    expect(fieldsWritten({ kind: 'shippingAddress', field: 'city' })).toEqual(['shippingAddress.city']);
    expect(fieldsWritten({ kind: 'line', orderLineId: 'L1', field: 'sku' })).toEqual(['lines/L1.sku']);
  });
});
