// Points dates are UTC calendar days: a deposit expires at the start of a day, and refunded points
// keep the days their deposit had left at redemption. Pure.
const DAY_MS = 86_400_000;

/** Midnight UTC of the calendar day containing `d`. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Whole calendar days (UTC) from the redemption day to the expiry day. */
export function daysLeftAtRedemption(expiresAt: Date, redeemedAt: Date): number {
  return Math.round((utcDay(expiresAt).getTime() - utcDay(redeemedAt).getTime()) / DAY_MS);
}

/**
 * Expiry of refunded points: cancellation day + the days the consumed deposit had left when it was
 * redeemed (so points about to expire cannot be "reset" by cancelling). Redeemed 2018-07-11 with
 * expiry 2018-07-31 (20 days left), cancelled 2018-08-11 → 2018-08-31.
 */
export function refundExpiry(depositExpiresAt: Date, redeemedAt: Date, cancelledAt: Date): Date {
  const days = Math.max(1, daysLeftAtRedemption(depositExpiresAt, redeemedAt));
  return new Date(utcDay(cancelledAt).getTime() + days * DAY_MS);
}

/** Parses a "YYYY-MM-DD" date as UTC midnight; null when it is not a real calendar date. */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? d : null;
}

export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
