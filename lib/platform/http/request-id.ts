/** The caller's `x-request-id` when it is a plain token (≤ 100 of A–Z a–z 0–9 . _ : -), else a fresh UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  const given = header?.trim();
  if (given && /^[A-Za-z0-9._:-]{1,100}$/.test(given)) return given;
  return globalThis.crypto.randomUUID();
}
