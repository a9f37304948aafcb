// Which network addresses a webhook may be sent to. Loopback, private, link-local, unique-local,
// unspecified, carrier-grade NAT, multicast and reserved ranges are internal: sending there would
// let whoever registers an endpoint reach the app's own network (SSRF).
import { isIP } from "node:net";

/** CIDR blocks that are not public destinations, IPv4. */
const V4_INTERNAL: readonly [string, number][] = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local (cloud metadata lives here)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function inV4Block(ip: number, [base, bits]: [string, number]): boolean {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ip & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0;
}

/** The 8 16-bit groups of an IPv6 address (with `::` expanded and a dotted IPv4 tail converted). */
export function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const n = v4ToInt(tail[1]!);
    text = text.slice(0, -tail[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const a = head ? head.split(":") : [];
  const b = rest ? rest.split(":") : [];
  const fill = rest === undefined ? [] : Array(8 - a.length - b.length).fill("0");
  return [...a, ...fill, ...b].map((g) => parseInt(g || "0", 16));
}

function v6IsInternal(ip: string): boolean {
  const g = ipv6Groups(ip);
  if (g.length !== 8) return true;
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(8)) return true; // :: unspecified
  if (zeroUntil(7) && g[7] === 1) return true; // ::1 loopback
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address inside.
  if (zeroUntil(5) && (g[5] === 0xffff || g[5] === 0)) return v4IsInternal(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4IsInternal(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`); // NAT64
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique-local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (first === 0x0100 && zeroUntil(0) && g[1] === 0 && g[2] === 0 && g[3] === 0) return true; // 100::/64 discard
  return false;
}

function v4IsInternal(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_INTERNAL.some((block) => inV4Block(n, block));
}

/** Whether an IP address (v4 or v6, as text) is not a public destination. Anything unparsable counts as internal. */
export function isInternalAddress(ip: string): boolean {
  const version = isIP(ip.replace(/%.*$/, ""));
  if (version === 4) return v4IsInternal(ip);
  if (version === 6) return v6IsInternal(ip);
  return true;
}

export type TargetProblem = { field: "url"; message: string };

/** What is wrong with a URL as a webhook target before any name is resolved (scheme, credentials), or null. */
export function urlProblem(raw: string): TargetProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { field: "url", message: "Enter an absolute http:// or https:// URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { field: "url", message: `Only http and https URLs can receive webhooks, not ${url.protocol.replace(/:$/, "")}` };
  if (url.username || url.password) return { field: "url", message: "Put no user name or password in the URL; verify the signature instead" };
  if (!url.hostname) return { field: "url", message: "The URL has no host" };
  return null;
}
