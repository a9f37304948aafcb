/** A same-site path to continue to after signing in, or the fallback (never another origin). */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  let path = raw;
  // next-auth passes absolute URLs of this site; keep only their path.
  if (/^https?:\/\//i.test(path)) {
    try {
      const u = new URL(path);
      path = `${u.pathname}${u.search}${u.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.startsWith("/login")) return fallback;
  return path;
}
