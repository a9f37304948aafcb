import { describe, expect, it } from 'vitest';
import { MAX_CHANGES, parseChanges } from './parse-changes.ts';

const change = (path: unknown, newValue: unknown, oldValue: unknown = null) => ({ path, op: 'REPLACE', oldValue, newValue });

describe('parseChanges', () => {
  it('turns each path into its command', () => {
    const r = parseChanges([
      change('/shippingAddress/postalCode', '12940', '12930'),
      change('/contact/phone', '+1 555 0199'),
      change('/deliveryNote', 'Back door'),
      change('/deliveryWindow', { from: '2030-05-01T08:00:00Z', to: '2030-05-01T10:00:00Z' }),
      change('/lines/L1/quantity', 7, 5),
      change('/lines/L2/sku', 'SKU-MUG-BLUE', 'SKU-MUG'),
      change('/lines/L3/unitPrice', 1800, 2000),
    ]);
    expect(r.ok && r.commands.map((c) => c.kind)).toEqual([
      'ChangeShippingAddress',
      'ChangeContact',
      'ChangeDeliveryNote',
      'ChangeDeliveryWindow',
      'ChangeLineQuantity',
      'SubstituteItem',
      'ChangeUnitPrice',
    ]);
    expect(r.ok && r.commands[3]!.newValue).toEqual({ from: '2030-05-01T08:00:00.000Z', to: '2030-05-01T10:00:00.000Z' });
  });

  it('reports unknown paths and ops at changes[i].path and changes[i].op, all of them', () => {
    const r = parseChanges([change('/status', 'SHIPPED'), { path: '/deliveryNote', op: 'ADD', newValue: 'x' }, change('/contact/fax', '1')]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['changes[0].path', 'changes[1].op', 'changes[2].path']);
    expect(!r.ok && r.errors[0]!.message).toMatch(/^Unknown path "\/status"/);
  });

  it('reports bad new values with their field paths', () => {
    const r = parseChanges([
      change('/lines/L1/quantity', 2.5, 5),
      change('/lines/L1/unitPrice', -1, 2000),
      change('/shippingAddress', { name: 'A' }),
      change('/contact/email', 'nope'),
      { path: '/deliveryNote', op: 'REPLACE', oldValue: null },
    ]);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual([
      'changes[0].newValue',
      'changes[1].newValue',
      'changes[2].newValue.line1',
      'changes[2].newValue.city',
      'changes[2].newValue.postalCode',
      'changes[2].newValue.country',
      'changes[3].newValue',
      'changes[4].newValue',
    ]);
  });

  it('refuses two changes to the same field, also through a whole-record change', () => {
    const twice = parseChanges([change('/deliveryNote', 'a'), change('/deliveryNote', 'b')]);
    expect(twice).toEqual({ ok: false, errors: [{ path: 'changes[1].path', message: 'changes the same field as changes[0]' }] });
    const overlap = parseChanges([change('/contact/phone', '+1 555 0199'), change('/contact', { name: 'A', email: 'a@b.co' })]);
    expect(!overlap.ok && overlap.errors).toEqual([{ path: 'changes[1].path', message: 'changes the same field as changes[0]' }]);
    const lines = parseChanges([change('/lines/L1/quantity', 7, 5), change('/lines/L2/quantity', 7, 5), change('/lines/L1/sku', 'X', 'Y')]);
    expect(lines.ok).toBe(true);
  });

  it('needs between 1 and MAX_CHANGES changes', () => {
    expect(parseChanges([])).toEqual({ ok: false, errors: [{ path: 'changes', message: 'List at least one change' }] });
    const many = Array.from({ length: MAX_CHANGES + 1 }, (_, i) => change(`/lines/L${i}/quantity`, 2, 1));
    expect(parseChanges(many).ok).toBe(false);
    expect(parseChanges(many.slice(0, MAX_CHANGES)).ok).toBe(true);
  });

  it('refuses a change that is not an object', () => {
    expect(parseChanges([null as never])).toEqual({
      ok: false,
      errors: [{ path: 'changes[0]', message: 'must be an object {path, op, oldValue, newValue}' }],
    });
  });
});
