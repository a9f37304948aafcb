// The conventions every operation of the API follows: authentication, idempotency, versions,
// errors, lists, money and limits.
import { errorAnchor } from "@/lib/ui/openapi-view";
import { Code, Pre } from "./code";

const PROBLEM_EXAMPLE = `HTTP/1.1 409 Conflict
Content-Type: application/problem+json

{
  "type": "/docs/api#error-insufficient-quantity",
  "title": "Insufficient quantity",
  "status": 409,
  "detail": "Line 1 (SKU-MUG) has 2 unit(s) packed; cannot mark 3 shipped",
  "code": "INSUFFICIENT_QUANTITY"
}`;

export const CONVENTIONS = [
  { id: "authentication", title: "Authentication" },
  { id: "idempotency", title: "Idempotency" },
  { id: "versions", title: "Versions, ETag and If-Match" },
  { id: "errors", title: "Errors (problem+json)" },
  { id: "lists", title: "Lists and cursors" },
  { id: "money", title: "Money and quantities" },
  { id: "limits", title: "Rate limits and request ids" },
];

export function ConventionsSection({ basePath }: { basePath: string }) {
  return (
    <section id="conventions" aria-labelledby="conventions-title" className="scroll-mt-6 space-y-6">
      <h2 id="conventions-title" className="text-xl font-bold tracking-tight">
        Conventions
      </h2>
      <div className="grid gap-4 xl:grid-cols-2">
        <RequestConventions basePath={basePath} />
        <ResponseConventions />
      </div>
    </section>
  );
}

function RequestConventions({ basePath }: { basePath: string }) {
  return (
    <>
      <article id="authentication" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Authentication</h3>
        <p className="mt-1 text-slate-700">
          Send an API key as <Code>Authorization: Bearer &lt;key&gt;</Code>. Keys belong to a (service) user, carry scopes and are stored
          hashed; create one with <Code>npm run apikey -- create --user &lt;email&gt; --scopes orders:read,fulfillment:write</Code> — it is
          shown once. A call needs the scope named on the operation (or <Code>*</Code>) and one of the listed roles. Signed-in browser
          sessions may also call GET endpoints.
        </p>
        <Pre label="Authenticated request">{`curl -H "Authorization: Bearer $COUNTERMAND_KEY" \\
  ${basePath}/orders?limit=20`}</Pre>
      </article>
      <article id="idempotency" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Idempotency</h3>
        <p className="mt-1 text-slate-700">
          Every POST needs an <Code>Idempotency-Key</Code> header (1–255 characters, unique per change). Repeating a request with the same
          key and the same body returns the stored response (with <Code>Idempotent-Replayed: true</Code>) instead of applying it twice —
          including stored 4xx outcomes. The same key with a different body is <a href={`#${errorAnchor("IDEMPOTENCY_KEY_REUSED")}`} className="text-indigo-700 underline">IDEMPOTENCY_KEY_REUSED</a>; while the first request still runs you get{" "}
          <a href={`#${errorAnchor("REQUEST_IN_PROGRESS")}`} className="text-indigo-700 underline">REQUEST_IN_PROGRESS</a>.
        </p>
        <Pre label="Idempotent POST">{`curl -X POST -H "Authorization: Bearer $COUNTERMAND_KEY" \\
  -H "Idempotency-Key: 7d1c5b1e-ship-42" -H 'If-Match: "7"' \\
  -H "Content-Type: application/json" \\
  -d '{"type":"SHIP","lines":[{"orderLineId":"…","quantity":2}]}' \\
  ${basePath}/orders/{orderId}/fulfillment-events`}</Pre>
      </article>
      <article id="versions" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Versions, ETag and If-Match</h3>
        <p className="mt-1 text-slate-700">
          Every command that changes an order increments its <Code>version</Code>. Order responses carry it as <Code>ETag: &quot;7&quot;</Code>.
          Send it back as <Code>If-Match: &quot;7&quot;</Code> on a command to apply the change only if nobody changed the order meanwhile; a
          stale version answers <strong>412</strong>{" "}
          <a href={`#${errorAnchor("VERSION_MISMATCH")}`} className="text-indigo-700 underline">
            VERSION_MISMATCH
          </a>{" "}
          and changes nothing. Without <Code>If-Match</Code>, concurrent commands are still serialised safely.
        </p>
      </article>
    </>
  );
}

function ResponseConventions() {
  return (
    <>
      <article id="errors" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Errors (problem+json)</h3>
        <p className="mt-1 text-slate-700">
          Errors are RFC 9457 <Code>application/problem+json</Code> with a stable <Code>code</Code> (see{" "}
          <a href="#error-codes" className="text-indigo-700 underline">
            error codes
          </a>
          ), a human-readable <Code>detail</Code> and, for validation errors, <Code>errors: [{"{"} path, message {"}"}]</Code>. The{" "}
          <Code>type</Code> URI points to the code&apos;s entry on this page. A request that fails changes nothing.
        </p>
        <Pre label="Problem example">{PROBLEM_EXAMPLE}</Pre>
      </article>
      <article id="lists" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Lists and cursors</h3>
        <p className="mt-1 text-slate-700">
          List endpoints return <Code>{"{ items, nextCursor }"}</Code>. Ask for up to <Code>limit</Code> items (1–100, default 20); while{" "}
          <Code>nextCursor</Code> is not <Code>null</Code>, pass it as <Code>cursor</Code> with the same filters to get the next page. A cursor
          from another listing is rejected with{" "}
          <a href={`#${errorAnchor("VALIDATION_FAILED")}`} className="text-indigo-700 underline">
            VALIDATION_FAILED
          </a>
          .
        </p>
      </article>
      <article id="money" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">Money and quantities</h3>
        <p className="mt-1 text-slate-700">
          Amounts are integers in the currency&apos;s minor unit (<Code>11000</Code> USD is $110.00) next to an ISO 4217 <Code>currency</Code>.
          Each order line reports its units per bucket (<Code>open</Code>, <Code>allocated</Code>, <Code>released</Code>, <Code>picked</Code>,{" "}
          <Code>packed</Code>, <Code>shipped</Code>, <Code>delivered</Code>, <Code>cancelled</Code>, <Code>returned</Code>) and a derived status
          with its code (e.g. <Code>4050</Code> Partially shipped).
        </p>
      </article>
      <article id="limits" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm xl:col-span-2">
        <h3 className="font-semibold text-slate-900">Rate limits and request ids</h3>
        <p className="mt-1 text-slate-700">
          Each key has a per-minute request budget (its own, or the deployment&apos;s default), shared by every app instance; every answer
          reports it in <Code>RateLimit-Limit</Code>, <Code>RateLimit-Remaining</Code> and <Code>RateLimit-Reset</Code> (seconds until the
          window ends). Beyond it you get <strong>429</strong>{" "}
          <a href={`#${errorAnchor("RATE_LIMITED")}`} className="text-indigo-700 underline">
            RATE_LIMITED
          </a>{" "}
          with <Code>Retry-After</Code>. Every response carries <Code>X-Request-Id</Code> (yours if you sent a plain token of up to 100
          letters, digits and <Code>._:-</Code>), and every problem body its <Code>requestId</Code>; quote it when reporting a problem.
        </p>
      </article>
    </>
  );
}
