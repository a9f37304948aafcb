import { API_ROUTES, type ApiRouteDef } from "./routes.ts";

/** Routes under /api/v1 that serve documents rather than commands, outside the route table. */
const EXTRA_ROUTES: readonly { method: "GET" | "POST" | "DELETE"; path: string }[] = [{ method: "GET", path: "/openapi.json" }];

type Pattern = { segments: (string | null)[]; methods: Set<string> };

function compile(routes: readonly { method: string; path: string }[]): Pattern[] {
  const byPath = new Map<string, Pattern>();
  for (const r of routes) {
    const p = byPath.get(r.path) ?? { segments: r.path.split("/").slice(1).map((s) => (/^\{.+\}$/.test(s) ? null : s)), methods: new Set<string>() };
    p.methods.add(r.method);
    byPath.set(r.path, p);
  }
  return [...byPath.values()];
}

const PATTERNS = compile([...(Object.values(API_ROUTES) as ApiRouteDef[]), ...EXTRA_ROUTES]);

/**
 * The methods the API serves at a path below /api/v1 (e.g. "/orders/abc/history"), or null when no
 * route has that shape. A literal segment beats a parameter, as in the router.
 */
export function methodsForApiPath(path: string): string[] | null {
  const segments = path.replace(/\/+$/, "").split("/").slice(1);
  let best: Pattern | null = null;
  let bestLiterals = -1;
  for (const p of PATTERNS) {
    if (p.segments.length !== segments.length) continue;
    if (!p.segments.every((s, i) => (s === null ? segments[i]!.length > 0 : s === segments[i]))) continue;
    const literals = p.segments.filter((s) => s !== null).length;
    if (literals > bestLiterals) {
      best = p;
      bestLiterals = literals;
    }
  }
  return best ? [...best.methods].sort() : null;
}

/** Whether a raw (still percent-encoded) path decodes as UTF-8. */
export function isDecodablePath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}
