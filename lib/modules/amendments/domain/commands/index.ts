// One entry per change command: which path parses into it, its classification and its rule.

import type { ChangeTarget } from '../change-path.ts';
import type { Parsed } from '../field-text.ts';
import type {
  AmendableOrder,
  ChangeCommand,
  Classification,
  CommandKind,
  OrderDraft,
  RawChange,
  RuleResult,
} from '../change-command.ts';
import * as contact from './change-contact.ts';
import * as note from './change-delivery-note.ts';
import * as deliveryWindow from './change-delivery-window.ts';
import * as address from './change-shipping-address.ts';
import * as quantity from './change-line-quantity.ts';
import * as substitute from './substitute-item.ts';
import * as price from './change-unit-price.ts';

export const CLASSIFICATION_OF: Readonly<Record<CommandKind, Classification>> = Object.freeze({
  ChangeContact: contact.CLASSIFICATION,
  ChangeDeliveryNote: note.CLASSIFICATION,
  ChangeDeliveryWindow: deliveryWindow.CLASSIFICATION,
  ChangeShippingAddress: address.CLASSIFICATION,
  ChangeLineQuantity: quantity.CLASSIFICATION,
  SubstituteItem: substitute.CLASSIFICATION,
  ChangeUnitPrice: price.CLASSIFICATION,
});

/** The typed command for a change whose path names `target`, or the new value's field errors. */
export function parseCommand(target: ChangeTarget, raw: RawChange, index: number, path: string): Parsed<ChangeCommand> {
  switch (target.kind) {
    case 'shippingAddress':
      return address.parseChangeShippingAddress(target.field, raw, index, path);
    case 'contact':
      return contact.parseChangeContact(target.field, raw, index, path);
    case 'deliveryNote':
      return note.parseChangeDeliveryNote(raw, index, path);
    case 'deliveryWindow':
      return deliveryWindow.parseChangeDeliveryWindow(raw, index, path);
    case 'line':
      if (target.field === 'quantity') return quantity.parseChangeLineQuantity(target.orderLineId, raw, index, path);
      if (target.field === 'sku') return substitute.parseSubstituteItem(target.orderLineId, raw, index, path);
      return price.parseChangeUnitPrice(target.orderLineId, raw, index, path);
  }
}

/** The command's rule: STALE_VALUE or VALIDATION_FAILED, or the draft with the change made. */
export function applyCommand(order: AmendableOrder, draft: OrderDraft, cmd: ChangeCommand): RuleResult {
  switch (cmd.kind) {
    case 'ChangeContact':
      return contact.applyChangeContact(order, draft, cmd);
    case 'ChangeDeliveryNote':
      return note.applyChangeDeliveryNote(order, draft, cmd);
    case 'ChangeDeliveryWindow':
      return deliveryWindow.applyChangeDeliveryWindow(order, draft, cmd);
    case 'ChangeShippingAddress':
      return address.applyChangeShippingAddress(order, draft, cmd);
    case 'ChangeLineQuantity':
      return quantity.applyChangeLineQuantity(order, draft, cmd);
    case 'SubstituteItem':
      return substitute.applySubstituteItem(order, draft, cmd);
    case 'ChangeUnitPrice':
      return price.applyChangeUnitPrice(order, draft, cmd);
  }
}
