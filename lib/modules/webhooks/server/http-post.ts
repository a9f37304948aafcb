import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isInternalAddress } from "../domain/address.ts";

export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first bytes of the answer (the rest is not read: a receiver cannot make us buffer megabytes). */
  bodyStart: string;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for the connection itself that refuses internal addresses: the address checked is
 * the address connected to, so a name that resolves elsewhere between the check and the connect
 * (DNS rebinding) still cannot reach the internal network.
 */
export function publicOnlyLookup(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    const internal = list.find((a) => isInternalAddress(a.address));
    if (internal) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to the internal address ${internal.address}; refused`);
      e.code = "EINTERNALTARGET";
      return callback(e, []);
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/**
 * POSTs `body` to `url` (http or https) and reads the status, headers and the first `readBytes` of
 * the answer. Redirects are never followed (a 3xx comes back as it is). The whole exchange is cut
 * off after `timeoutMs`. Unless `allowPrivate`, connections go to public addresses only.
 */
export function httpPost(url: string, input: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean; readBytes?: number }): Promise<PostResult> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const limit = input.readBytes ?? 4096;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { ...input.headers, "content-length": String(Buffer.byteLength(input.body)) },
        signal: AbortSignal.timeout(input.timeoutMs),
        ...(input.allowPrivate ? {} : { lookup: publicOnlyLookup as unknown as typeof dnsLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bodyStart: Buffer.concat(chunks).toString("utf8") });
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          if (size >= limit) {
            res.destroy();
            done();
          }
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    req.on("error", reject);
    req.end(input.body);
  });
}
