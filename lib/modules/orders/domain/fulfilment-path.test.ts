import { describe, expect, it } from 'vitest';
import { eventFrom, fulfilmentPath } from './fulfilment-path.ts';

describe('fulfilmentPath', () => {
  it('is the single event without a target', () => {
    expect(fulfilmentPath('PICK')).toEqual({ ok: true, events: ['PICK'] });
  });

  it('expands open to shipped into every stage in order', () => {
    expect(fulfilmentPath('ALLOCATE', 'SHIPPED')).toEqual({ ok: true, events: ['ALLOCATE', 'RELEASE', 'PICK', 'PACK', 'SHIP'] });
  });

  it('treats the event own stage as a one-step path', () => {
    expect(fulfilmentPath('PACK', 'PACKED')).toEqual({ ok: true, events: ['PACK'] });
    expect(fulfilmentPath('PICK', 'DELIVERED')).toEqual({ ok: true, events: ['PICK', 'PACK', 'SHIP', 'DELIVER'] });
  });

  it('rejects a target at or before the starting stage', () => {
    const back = fulfilmentPath('PACK', 'ALLOCATED');
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.message).toBe('Units in picked can only move to a later stage, not allocated');
    expect(fulfilmentPath('ALLOCATE', 'OPEN').ok).toBe(false);
    expect(fulfilmentPath('SHIP', 'PICKED').ok).toBe(false);
  });
});

describe('eventFrom', () => {
  it('names the event leaving a stage', () => {
    expect(eventFrom('OPEN')).toBe('ALLOCATE');
    expect(eventFrom('PACKED')).toBe('SHIP');
    expect(eventFrom('DELIVERED')).toBeNull();
  });
});
