// How webhook deliveries look and behave: headers, body, signature, retries, targets.
import { Code, Pre } from "./code";

const REQUEST_EXAMPLE = `POST /your/endpoint HTTP/1.1
Content-Type: application/json
webhook-id: cm9evt01
webhook-timestamp: 1769860800
webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,Xk4m0nX2...

{ "id": "cm9evt01", "type": "OrderCancellationRequested", "occurredAt": "2026-01-31T12:00:00.000Z",
  "orderId": "cm9order01", "sequence": 8, "data": { … } }`;

const VERIFY_EXAMPLE = `import { Webhook } from "standardwebhooks";

// secret: the whsec_… shown when the endpoint was registered (or its secret rotated)
const payload = new Webhook(secret).verify(rawBody, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws when no signature matches or the timestamp is more than 5 minutes off`;

export function WebhooksSection() {
  return (
    <section id="webhooks" aria-labelledby="webhooks-title" className="mt-10 scroll-mt-6 space-y-3 text-sm text-slate-700">
      <h2 id="webhooks-title" className="text-xl font-bold tracking-tight text-slate-900">
        Webhook deliveries
      </h2>
      <p>
        OPS registers endpoints (the <a href="#tag-webhooks" className="font-medium text-indigo-700 underline">Webhooks</a> operations, or the
        Webhooks page) for some event types or <Code>*</Code>. Every event of the <a href="#events" className="font-medium text-indigo-700 underline">catalog</a>{" "}
        an endpoint subscribes to is sent to it as a JSON <Code>POST</Code> signed per{" "}
        <a href="https://www.standardwebhooks.com/" className="font-medium text-indigo-700 underline">
          Standard Webhooks
        </a>
        :
      </p>
      <Pre label="Example webhook request">{REQUEST_EXAMPLE}</Pre>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Code>webhook-id</Code> is the event&apos;s id, the same on every retry, resend and replay: deliveries are at least once, so keep the ids
          you have handled and ignore repeats.
        </li>
        <li>
          <Code>webhook-timestamp</Code> is the attempt&apos;s time in unix seconds; <Code>webhook-signature</Code> holds{" "}
          <Code>v1,&lt;base64 HMAC-SHA256 of &quot;id.timestamp.body&quot;&gt;</Code> per valid secret, space-separated. After a secret rotation the
          previous secret also signs for the grace period (default a day), so a receiver holding either verifies.
        </li>
        <li>
          The body is exactly <Code>{"{ id, type, occurredAt, orderId, sequence, data }"}</Code>: <Code>orderId</Code> is null for events not about an
          order; <Code>sequence</Code> counts the events of one aggregate; <Code>data</Code> is the payload of the catalog.
        </li>
        <li>
          Events of one order reach an endpoint in <Code>sequence</Code> order: the next waits until the previous one is delivered or has failed
          for good.
        </li>
      </ul>
      <p>Verify with any Standard Webhooks library, over the raw body as received:</p>
      <Pre label="Verifying a webhook in Node.js">{VERIFY_EXAMPLE}</Pre>
      <h3 className="pt-2 font-semibold text-slate-900">Answers, retries and failures</h3>
      <ul className="list-disc space-y-1 pl-5">
        <li>Any 2xx within 15 seconds is delivered. Redirects are not followed: a 3xx fails the delivery.</li>
        <li>
          Network errors, timeouts, 5xx and 429 are retried with exponential backoff and jitter — the first retry within 10 seconds, then about
          twice as long each time (up to 6 hours apart), honouring <Code>Retry-After</Code> — for about a day; then the delivery has failed.
        </li>
        <li>Any other 4xx fails the delivery at once, without retries.</li>
        <li>
          <Code>410 Gone</Code> fails the delivery and disables the endpoint (<Code>status: &quot;DISABLED&quot;</Code>). So does failing every attempt
          for a day; disabled endpoints show up in reconciliation. Enabling an endpoint sends what waited at once.
        </li>
        <li>Every attempt is logged with its status, duration, the first 1 KB of the answer and any error; OPS can resend one delivery or replay a time range.</li>
        <li>
          Targets must be <Code>http</Code> or <Code>https</Code> and resolve to public addresses — loopback, private, link-local and unique-local
          addresses are refused (422) unless the deployment sets <Code>WEBHOOK_ALLOW_PRIVATE_TARGETS=true</Code>; the address is checked again on
          every attempt, at the connection itself.
        </li>
      </ul>
    </section>
  );
}
