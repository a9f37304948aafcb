import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";
import { ERROR_CODES, ERROR_STATUS, ERROR_TITLES } from "@/lib/platform/errors";
import { errorAnchor, groupByTag, operationsOf, slug, type OpenApiDoc } from "@/lib/ui/openapi-view";
import { OperationCard } from "@/components/docs/operation-card";
import { EventCard } from "@/components/docs/event-card";
import { FieldTable } from "@/components/docs/field-table";
import { envelopeRows, eventAnchor, eventViews } from "@/lib/ui/event-catalog-view";
import { InlineCode } from "@/components/docs/inline-code";
import { ERROR_MEANINGS } from "@/components/docs/error-codes";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API reference" };

const OPENAPI_URL = "/api/v1/openapi.json";

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>;
}

function Pre({ children, label }: { children: string; label: string }) {
  return (
    <pre aria-label={label} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
      {children}
    </pre>
  );
}

const PROBLEM_EXAMPLE = `HTTP/1.1 409 Conflict
Content-Type: application/problem+json

{
  "type": "/docs/api#error-insufficient-quantity",
  "title": "Insufficient quantity",
  "status": 409,
  "detail": "Line 1 (SKU-MUG) has 2 unit(s) packed; cannot mark 3 shipped",
  "code": "INSUFFICIENT_QUANTITY"
}`;

const CONVENTIONS = [
  { id: "authentication", title: "Authentication" },
  { id: "idempotency", title: "Idempotency" },
  { id: "versions", title: "Versions, ETag and If-Match" },
  { id: "errors", title: "Errors (problem+json)" },
  { id: "lists", title: "Lists and cursors" },
  { id: "money", title: "Money and quantities" },
  { id: "limits", title: "Rate limits and request ids" },
];

export default function ApiReferencePage() {
  const doc = openApiDocument() as OpenApiDoc;
  const basePath = doc.servers?.[0]?.url ?? "/api/v1";
  const groups = groupByTag(operationsOf(doc));
  const events = eventViews();
  const envelope = envelopeRows();

  return (
    <div className="lg:grid lg:grid-cols-[14rem_1fr] lg:gap-10">
      <nav aria-label="On this page" className="mb-8 lg:sticky lg:top-6 lg:mb-0 lg:self-start">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">On this page</p>
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            <a href="#conventions" className="text-slate-700 hover:text-indigo-700">
              Conventions
            </a>
            <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
              {CONVENTIONS.map((c) => (
                <li key={c.id}>
                  <a href={`#${c.id}`} className="text-slate-600 hover:text-indigo-700">
                    {c.title}
                  </a>
                </li>
              ))}
            </ul>
          </li>
          {groups.map(([tag, ops]) => (
            <li key={tag}>
              <a href={`#tag-${slug(tag)}`} className="text-slate-700 hover:text-indigo-700">
                {tag}
              </a>
              <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
                {ops.map((op) => (
                  <li key={op.operationId}>
                    <a href={`#op-${op.operationId}`} className="block truncate text-slate-600 hover:text-indigo-700">
                      <span className="font-mono text-xs text-slate-500">{op.method}</span> {op.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#events" className="text-slate-700 hover:text-indigo-700">
              Events
            </a>
            <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3">
              {events.map((e) => (
                <li key={e.type}>
                  <a href={`#${eventAnchor(e.type)}`} className="block truncate font-mono text-xs text-slate-600 hover:text-indigo-700">
                    {e.type}
                  </a>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <a href="#error-codes" className="text-slate-700 hover:text-indigo-700">
              Error codes
            </a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0">
        <PageHeader
          title="API reference"
          eyebrow={`${doc.info?.title ?? "Countermand API"} · version ${doc.info?.version ?? "1"}`}
          description={
            <>
              {doc.info?.description && <InlineCode text={doc.info.description} />} Base path <Code>{basePath}</Code>. The machine-readable
              OpenAPI 3.1 document is at{" "}
              <a href={OPENAPI_URL} className="font-medium text-indigo-700 underline">
                {OPENAPI_URL}
              </a>
              .
            </>
          }
        />

        <section id="conventions" aria-labelledby="conventions-title" className="scroll-mt-6 space-y-6">
          <h2 id="conventions-title" className="text-xl font-bold tracking-tight">
            Conventions
          </h2>
          <div className="grid gap-4 xl:grid-cols-2">
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
                Each key has a per-minute request budget; beyond it you get <strong>429</strong>{" "}
                <a href={`#${errorAnchor("RATE_LIMITED")}`} className="text-indigo-700 underline">
                  RATE_LIMITED
                </a>{" "}
                with <Code>Retry-After</Code>. Every response carries <Code>X-Request-Id</Code> (yours if you sent one); quote it when reporting a
                problem.
              </p>
            </article>
          </div>
        </section>

        {groups.map(([tag, ops]) => (
          <section key={tag} id={`tag-${slug(tag)}`} aria-labelledby={`tag-${slug(tag)}-title`} className="mt-10 scroll-mt-6">
            <h2 id={`tag-${slug(tag)}-title`} className="mb-4 text-xl font-bold tracking-tight">
              {tag}
            </h2>
            <div className="space-y-4">
              {ops.map((op) => (
                <OperationCard key={op.operationId} op={op} basePath={basePath} />
              ))}
            </div>
          </section>
        ))}

        <section id="events" aria-labelledby="events-title" className="mt-10 scroll-mt-6">
          <h2 id="events-title" className="mb-2 text-xl font-bold tracking-tight">
            Events
          </h2>
          <div className="mb-4 space-y-2 text-sm text-slate-700">
            <p>
              Every command writes its events to an outbox in the same transaction as the change, one row per event with a per-aggregate{" "}
              <Code>sequence</Code>. These are all the event types; a command cannot write anything else. When an outbox relay is configured, it delivers each row as{" "}
              <Code>{"{ id, type, occurredAt, orderId, sequence, data }"}</Code>, where <Code>data</Code> is the payload below.
            </p>
            <p>
              A payload&apos;s shape changes only with its <Code>version</Code>, stored in every payload as <Code>eventVersion</Code>. Besides its
              own fields, every payload carries the fields in the first table; events of the <Code>Order</Code> aggregate also carry the second.
            </p>
          </div>
          <div className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm xl:grid-cols-2">
            <section>
              <h3 className="mb-1 font-semibold text-slate-900">Every event</h3>
              <FieldTable rows={envelope.all} caption="Fields of every event payload" />
            </section>
            <section>
              <h3 className="mb-1 font-semibold text-slate-900">
                <Code>Order</Code> events
              </h3>
              <FieldTable rows={envelope.order} caption="Fields of every Order event payload" />
            </section>
          </div>
          <div className="space-y-4">
            {events.map((e) => (
              <EventCard key={e.type} event={e} />
            ))}
          </div>
        </section>

        <section id="error-codes" aria-labelledby="error-codes-title" className="mt-10 scroll-mt-6">
          <h2 id="error-codes-title" className="mb-4 text-xl font-bold tracking-tight">
            Error codes
          </h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
              <caption className="sr-only">Problem codes, their HTTP status and meaning</caption>
              <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Code
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Meaning
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...ERROR_CODES, "INTERNAL" as const].map((code) => (
                  <tr key={code} id={errorAnchor(code)} className="scroll-mt-6 align-top target:bg-amber-50">
                    <th scope="row" className="px-4 py-2 font-mono text-xs font-semibold text-slate-900">
                      {code}
                      <span className="block font-sans font-normal text-slate-500">{code === "INTERNAL" ? "Internal error" : ERROR_TITLES[code]}</span>
                    </th>
                    <td className="px-4 py-2 font-mono text-xs">{code === "INTERNAL" ? 500 : ERROR_STATUS[code]}</td>
                    <td className="px-4 py-2 text-slate-700">
                      <InlineCode text={ERROR_MEANINGS[code]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
