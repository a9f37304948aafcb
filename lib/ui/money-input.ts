// Amounts typed by people ("500", "500.00", "1,250.5") ↔ integer minor units (2 decimals).

/** Minor units of a typed amount, or null when it is not an amount. Negative amounts parse (the schema refuses them with a clear message). */
export function parseMoneyInput(text: string): number | null {
  const t = text.trim().replaceAll(",", "");
  const m = /^(-?)(\d{1,11})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -minor : minor;
}

/** 50000 → "500.00" (no currency sign: for input fields). */
export function formatMoneyInput(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
