// The vocabulary of amendments (SPEC §6): the order state the rules read, the typed change
// commands a request is translated into, their classification, and the draft of the order
// that applying them produces. Each command's rule lives in commands/<command>.ts.

import type { LineMoney } from '../../../platform/money/money.ts';
import type { BucketCounts } from '../../orders/domain/buckets.ts';
import type {
  Contact,
  ContactField,
  DeliveryWindow,
  OrderFields,
  ShippingAddress,
  ShippingAddressField,
} from './order-fields.ts';

export const COMMAND_KINDS = [
  'ChangeContact',
  'ChangeDeliveryNote',
  'ChangeDeliveryWindow',
  'ChangeShippingAddress',
  'ChangeLineQuantity',
  'SubstituteItem',
  'ChangeUnitPrice',
] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

export const CLASSIFICATIONS = ['ADMINISTRATIVE', 'SCHEDULING', 'FULFILLMENT_ROUTING', 'COMMERCIAL'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** A change as the request lists it, before anything is checked. */
export interface RawChange {
  path: unknown;
  op: unknown;
  oldValue?: unknown;
  newValue?: unknown;
}

interface CommandBase {
  /** Position in the request's `changes`, for field paths such as `changes[2].newValue`. */
  index: number;
  path: string;
}

export type ChangeShippingAddress = CommandBase & { kind: 'ChangeShippingAddress' } & (
    | { field: null; oldValue: unknown; newValue: ShippingAddress }
    | { field: ShippingAddressField; oldValue: unknown; newValue: string | null }
  );

export type ChangeContact = CommandBase & { kind: 'ChangeContact' } & (
    | { field: null; oldValue: unknown; newValue: Contact }
    | { field: ContactField; oldValue: unknown; newValue: string | null }
  );

export type ChangeDeliveryNote = CommandBase & { kind: 'ChangeDeliveryNote'; oldValue: unknown; newValue: string | null };

export type ChangeDeliveryWindow = CommandBase & {
  kind: 'ChangeDeliveryWindow';
  oldValue: unknown;
  newValue: DeliveryWindow | null;
};

export type ChangeLineQuantity = CommandBase & {
  kind: 'ChangeLineQuantity';
  orderLineId: string;
  oldValue: unknown;
  /** The line's new active quantity (units neither cancelled nor returned). */
  newValue: number;
};

export type SubstituteItem = CommandBase & { kind: 'SubstituteItem'; orderLineId: string; oldValue: unknown; newValue: string };

export type ChangeUnitPrice = CommandBase & { kind: 'ChangeUnitPrice'; orderLineId: string; oldValue: unknown; newValue: number };

/**
 * One change, typed. `oldValue` stays as the request gave it (canonicalised where it parses):
 * it is only ever compared with the current value, and a mismatch is STALE_VALUE, never a
 * validation error.
 */
export type ChangeCommand =
  | ChangeShippingAddress
  | ChangeContact
  | ChangeDeliveryNote
  | ChangeDeliveryWindow
  | ChangeLineQuantity
  | SubstituteItem
  | ChangeUnitPrice;

export type LineCommand = ChangeLineQuantity | SubstituteItem | ChangeUnitPrice;

export function isLineCommand(c: ChangeCommand): c is LineCommand {
  return c.kind === 'ChangeLineQuantity' || c.kind === 'SubstituteItem' || c.kind === 'ChangeUnitPrice';
}

export type QuantityDirection = 'INCREASE' | 'DECREASE';

/** An order line as the amendment rules read it. */
export interface AmendableLine extends LineMoney {
  id: string;
  lineNumber: number;
  sku: string;
  counts: BucketCounts;
}

/** The order as the amendment rules read it. */
export interface AmendableOrder extends OrderFields {
  id: string;
  /** The order's version the assessment is made against. */
  version: number;
  lines: readonly AmendableLine[];
}

/** What the changes do to one line. */
export interface LineDraft {
  unitPrice: number;
  /** Units added (OPEN) by a quantity increase. */
  addUnits: number;
  /** Units a quantity decrease hands to the cancellation engine. */
  cancelUnits: number;
  /** The SKU after a substitution (the line's own SKU otherwise). */
  sku: string;
}

/** The order after the changes: new field values, and per changed line what happens to it. */
export interface OrderDraft extends OrderFields {
  lines: Readonly<Record<string, LineDraft>>;
}

export type ProblemCode = 'VALIDATION_FAILED' | 'STALE_VALUE';

export interface RuleProblem {
  code: ProblemCode;
  /** Field path in the request, e.g. `changes[1].oldValue`. */
  path: string;
  message: string;
  /** On STALE_VALUE: the value the order holds now. */
  currentValue?: unknown;
}

export type Failure = { ok: false; problem: RuleProblem };
export type RuleResult = { ok: true; draft: OrderDraft } | Failure;

export const invalid = (index: number, field: 'path' | 'op' | 'oldValue' | 'newValue', message: string): Failure => ({
  ok: false,
  problem: { code: 'VALIDATION_FAILED', path: `changes[${index}].${field}`, message },
});

export const stale = (index: number, currentValue: unknown, what: string): Failure => ({
  ok: false,
  problem: {
    code: 'STALE_VALUE',
    path: `changes[${index}].oldValue`,
    message: `oldValue is not the current ${what}: the order has changed since it was read`,
    currentValue,
  },
});

/** A line's draft before any change touches it. */
export function untouchedLine(line: AmendableLine): LineDraft {
  return { unitPrice: line.unitPrice, addUnits: 0, cancelUnits: 0, sku: line.sku };
}

/** The draft of an order no change has touched yet. */
export function initialDraft(order: AmendableOrder): OrderDraft {
  return {
    shippingAddress: order.shippingAddress,
    contact: order.contact,
    deliveryNote: order.deliveryNote,
    deliveryWindow: order.deliveryWindow,
    lines: {},
  };
}
