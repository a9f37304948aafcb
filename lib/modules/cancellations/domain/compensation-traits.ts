// What each compensation step is like (SPEC §4.4): whether it can be undone, and what it touches
// outside Countermand. Stored on every task so OPS sees, on a fallout case, what a repair involves.

import type { CompensationType } from './stage-policy.ts';

export const REVERSIBILITIES = ['NONE', 'AUTOMATIC', 'MANUAL', 'PARTIAL'] as const;
export type Reversibility = (typeof REVERSIBILITIES)[number];

/** NONE: only Countermand's own data; WAREHOUSE: people or systems on site; PAYMENT: money at a processor; CUSTOMER: a message sent. */
export const EXTERNAL_EFFECTS = ['NONE', 'WAREHOUSE', 'PAYMENT', 'CUSTOMER'] as const;
export type ExternalEffect = (typeof EXTERNAL_EFFECTS)[number];

export const COMPENSATION_TRAITS: Readonly<Record<CompensationType, { reversibility: Reversibility; externalEffect: ExternalEffect }>> = Object.freeze({
  RELEASE_ALLOCATION: { reversibility: 'AUTOMATIC', externalEffect: 'NONE' },
  RECALL_FROM_WAREHOUSE: { reversibility: 'MANUAL', externalEffect: 'WAREHOUSE' },
  RETURN_TO_STOCK: { reversibility: 'PARTIAL', externalEffect: 'WAREHOUSE' },
  // Money that left cannot be pulled back by the system.
  ISSUE_REFUND: { reversibility: 'NONE', externalEffect: 'PAYMENT' },
  REFUND_POINTS: { reversibility: 'AUTOMATIC', externalEffect: 'NONE' },
  NOTIFY_CUSTOMER: { reversibility: 'NONE', externalEffect: 'CUSTOMER' },
  CREATE_RETURN: { reversibility: 'MANUAL', externalEffect: 'WAREHOUSE' },
});

// How long manual steps wait and how often refunds are tried belong to the compensation machinery.
export { MANUAL_TASK_DUE_MS, REFUND_MAX_ATTEMPTS } from '../../compensation/domain/settlement.ts';
