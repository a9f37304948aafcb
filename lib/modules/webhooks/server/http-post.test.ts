import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { httpPost, publicOnlyLookup } from "./http-post.ts";

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/redirect") {
      res.writeHead(302, { location: "http://example.com/" });
      return res.end();
    }
    if (req.url === "/slow") return; // never answers
    if (req.url === "/endless") {
      res.writeHead(500);
      const timer = setInterval(() => res.write("y".repeat(1024)), 5);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { "retry-after": "3" });
    res.end("x".repeat(10_000));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const post = (path: string, allowPrivate: boolean, timeoutMs = 5_000) => httpPost(`http://localhost:${port}${path}`, { headers: { "content-type": "application/json" }, body: "{}", timeoutMs, allowPrivate });

describe("httpPost", () => {
  it("connects only to public addresses unless private targets are allowed", async () => {
    await expect(post("/", false)).rejects.toMatchObject({ code: "EINTERNALTARGET" });
    const res = await post("/", true);
    expect(res.status).toBe(200);
    expect(res.headers["retry-after"]).toBe("3");
    expect(res.bodyStart.length).toBeGreaterThanOrEqual(4096);
    // An answer that never ends is read only so far.
    const endless = await post("/endless", true);
    expect(endless.status).toBe(500);
    expect(endless.bodyStart.length).toBeLessThan(8192);
  });

  it("returns a redirect as it is, and gives up after the timeout", async () => {
    expect((await post("/redirect", true)).status).toBe(302);
    await expect(post("/slow", true, 300)).rejects.toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
  });

  it("the lookup refuses names of internal addresses", async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup("localhost", {}, (e) => resolve(e)));
    expect(err?.code).toBe("EINTERNALTARGET");
  });
});
