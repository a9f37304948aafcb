// The paths an amendment change may name (API "Amendment requests"), as JSON Pointers:
// /shippingAddress or /shippingAddress/<field>, /contact or /contact/<field>, /deliveryNote,
// /deliveryWindow, /lines/{orderLineId}/quantity|sku|unitPrice. Anything else is unknown.

import {
  CONTACT_FIELDS,
  SHIPPING_ADDRESS_FIELDS,
  type ContactField,
  type ShippingAddressField,
} from './order-fields.ts';

export const LINE_FIELDS = ['quantity', 'sku', 'unitPrice'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export type ChangeTarget =
  | { kind: 'shippingAddress'; field: ShippingAddressField | null }
  | { kind: 'contact'; field: ContactField | null }
  | { kind: 'deliveryNote' }
  | { kind: 'deliveryWindow' }
  | { kind: 'line'; orderLineId: string; field: LineField };

const MAX_PATH = 300;

// RFC 6901: "~1" is "/", "~0" is "~"; any other "~" is malformed.
function unescapeToken(token: string): string | null {
  if (/~[^01]|~$/.test(token)) return null;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

const isOneOf = <T extends string>(list: readonly T[], s: string | undefined): s is T =>
  s !== undefined && (list as readonly string[]).includes(s);

/** The target a path names, or null for an unknown or malformed path. */
export function parseChangePath(path: unknown): ChangeTarget | null {
  if (typeof path !== 'string' || path.length > MAX_PATH || !path.startsWith('/')) return null;
  const tokens = path.slice(1).split('/').map(unescapeToken);
  if (tokens.some((t) => t === null || t === '')) return null;
  const [head, second, third, ...rest] = tokens as string[];
  if (rest.length > 0) return null;
  switch (head) {
    case 'shippingAddress':
      if (third !== undefined) return null;
      if (second === undefined) return { kind: 'shippingAddress', field: null };
      return isOneOf(SHIPPING_ADDRESS_FIELDS, second) ? { kind: 'shippingAddress', field: second } : null;
    case 'contact':
      if (third !== undefined) return null;
      if (second === undefined) return { kind: 'contact', field: null };
      return isOneOf(CONTACT_FIELDS, second) ? { kind: 'contact', field: second } : null;
    case 'deliveryNote':
      return second === undefined ? { kind: 'deliveryNote' } : null;
    case 'deliveryWindow':
      return second === undefined ? { kind: 'deliveryWindow' } : null;
    case 'lines':
      return second !== undefined && isOneOf(LINE_FIELDS, third) ? { kind: 'line', orderLineId: second, field: third } : null;
    default:
      return null;
  }
}

/**
 * The order fields a target writes, as keys such as `shippingAddress.city` or
 * `lines/<id>.quantity`. Two changes that share a key change the same field.
 */
export function fieldsWritten(target: ChangeTarget): string[] {
  switch (target.kind) {
    case 'shippingAddress':
      return (target.field ? [target.field] : [...SHIPPING_ADDRESS_FIELDS]).map((f) => `shippingAddress.${f}`);
    case 'contact':
      return (target.field ? [target.field] : [...CONTACT_FIELDS]).map((f) => `contact.${f}`);
    case 'deliveryNote':
      return ['deliveryNote'];
    case 'deliveryWindow':
      return ['deliveryWindow'];
    case 'line':
      return [`lines/${target.orderLineId}.${target.field}`];
  }
}
