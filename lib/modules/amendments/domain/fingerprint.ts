// The assessment's fingerprint (SPEC §6): a SHA-256 of the order version and every value the
// assessment read, in canonical JSON. Applying re-assesses; a different fingerprint means the
// order (or the policy) moved on since the assessment, and the apply is refused.

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** Bumped when what is hashed changes shape, so old and new fingerprints never collide. */
export const FINGERPRINT_VERSION = 1;

export function fingerprintOf(orderVersion: number, reads: unknown): string {
  const text = canonicalJson({ v: FINGERPRINT_VERSION, orderVersion, reads });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
