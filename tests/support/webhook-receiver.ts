// A real HTTP receiver on 127.0.0.1 for webhook tests: records every request (headers and raw
// body) and answers what the test says, per path: a status (and headers), or a list of statuses
// taken in turn (the last one repeats).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: Date;
}

export type Answer = number | { status: number; headers?: Record<string, string>; body?: string };

export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  /** Requests to one path. */
  at(path: string): ReceivedWebhook[];
  answer(path: string, answers: Answer | Answer[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, Answer[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: new Date() });
      const queue = answers.get(path) ?? [204];
      const next = queue.length > 1 ? queue.shift()! : queue[0]!;
      const a = typeof next === "number" ? { status: next } : next;
      res.writeHead(a.status, { "content-type": "text/plain", ...a.headers });
      res.end(a.body ?? `answer ${a.status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path) => received.filter((r) => r.path === path),
    answer(path, a) {
      answers.set(path, Array.isArray(a) ? [...a] : [a]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
