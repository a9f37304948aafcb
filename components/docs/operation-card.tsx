import { API_ROUTES, type ApiRouteName } from "@/lib/api/routes";
import { PERMISSIONS, type Permission } from "@/lib/platform/auth/permissions";
import { ERROR_CODES, ERROR_STATUS } from "@/lib/platform/errors";
import { errorAnchor, type OperationView } from "@/lib/ui/openapi-view";
import { cn } from "@/components/ui/cn";
import { FieldTable } from "./field-table";
import { InlineCode } from "./inline-code";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 ring-sky-300",
  POST: "bg-emerald-100 text-emerald-800 ring-emerald-300",
};

function codesFor(status: string): string[] {
  return ERROR_CODES.filter((c) => String(ERROR_STATUS[c]) === status);
}

export function OperationCard({ op, basePath }: { op: OperationView; basePath: string }) {
  const route = API_ROUTES[op.operationId as ApiRouteName];
  const permission = route ? PERMISSIONS[route.permission] : undefined;
  // The generated description ends with a sentence about scopes; it is shown as its own row below.
  const text = op.description
    .split("\n\n")
    .filter((p) => !p.startsWith("Requires scope"))
    .join("\n\n");
  return (
    <article id={`op-${op.operationId}`} aria-labelledby={`op-${op.operationId}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-4 py-3">
        <h3 id={`op-${op.operationId}-title`} className="flex flex-wrap items-center gap-2">
          <span className={cn("rounded px-2 py-0.5 font-mono text-xs font-bold ring-1 ring-inset", METHOD_TONES[op.method] ?? "bg-slate-100 ring-slate-300")}>
            {op.method}
          </span>
          <code className="font-mono text-sm font-semibold break-all text-slate-900">
            {basePath}
            {op.path}
          </code>
        </h3>
        <p className="mt-1 text-sm text-slate-700">{op.summary}</p>
      </header>
      <div className="space-y-4 px-4 py-3 text-sm">
        {text && (
          <p className="text-slate-700">
            <InlineCode text={text} />
          </p>
        )}
        {permission && <AccessRows permission={permission} versioned={Boolean(route && "versioned" in route && route.versioned)} method={op.method} />}
        {op.parameters.length > 0 && (
          <section>
            <h4 className="mb-1 font-semibold text-slate-900">Parameters</h4>
            <FieldTable rows={op.parameters} caption={`Parameters of ${op.method} ${op.path}`} showIn />
          </section>
        )}
        {op.requestFields.length > 0 && (
          <section>
            <h4 className="mb-1 font-semibold text-slate-900">
              Request body <span className="font-normal text-slate-500">(application/json{op.requestSchemaName ? `, ${op.requestSchemaName}` : ""})</span>
            </h4>
            <FieldTable rows={op.requestFields} caption={`Request body of ${op.method} ${op.path}`} />
          </section>
        )}
        <Responses op={op} />
      </div>
    </article>
  );
}

/** Who may call the operation (scope, roles) and whether it is versioned. */
function AccessRows({ permission, versioned, method }: { permission: (typeof PERMISSIONS)[Permission]; versioned: boolean; method: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-600">Required scope</dt>
      <dd>
        {permission.scope ? <code className="rounded bg-slate-100 px-1 font-mono text-xs">{permission.scope}</code> : "none (role only)"}{" "}
        <span className="text-slate-500">or</span> <code className="rounded bg-slate-100 px-1 font-mono text-xs">*</code>
      </dd>
      <dt className="font-medium text-slate-600">Roles</dt>
      <dd>{permission.roles.join(", ")}</dd>
      {versioned && (
        <>
          <dt className="font-medium text-slate-600">Versioning</dt>
          <dd>
            Response carries <code className="font-mono text-xs">ETag</code>
            {method === "POST" && (
              <>
                ; accepts <code className="font-mono text-xs">If-Match</code>
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Every response status with its error codes, and the fields of each success response. */
function Responses({ op }: { op: OperationView }) {
  return (
    <section>
      <h4 className="mb-1 font-semibold text-slate-900">Responses</h4>
      <ul className="space-y-1">
        {op.responses.map((r) => {
          const codes = r.status.startsWith("2") ? [] : codesFor(r.status);
          return (
            <li key={r.status} className="flex flex-wrap items-baseline gap-x-2">
              <span
                className={cn(
                  "rounded px-1.5 font-mono text-xs font-semibold",
                  r.status.startsWith("2") ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800",
                )}
              >
                {r.status}
              </span>
              <span className="text-slate-700">
                {r.description}
                {r.schemaName && r.status.startsWith("2") && <span className="text-slate-500"> — {r.schemaName}</span>}
              </span>
              {codes.length > 0 && (
                <span className="text-xs text-slate-500">
                  {codes.map((c, i) => (
                    <span key={c}>
                      {i > 0 && ", "}
                      <a href={`#${errorAnchor(c)}`} className="font-mono text-indigo-700 hover:underline">
                        {c}
                      </a>
                    </span>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {op.responses
        .filter((r) => r.status.startsWith("2") && r.fields.length > 0)
        .map((r) => (
          <details key={r.status} className="mt-2 rounded-md border border-slate-200 px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">
              {r.status} response fields{r.schemaName ? ` (${r.schemaName})` : ""}
            </summary>
            <div className="mt-2">
              <FieldTable rows={r.fields} caption={`Fields of the ${r.status} response of ${op.method} ${op.path}`} />
            </div>
          </details>
        ))}
    </section>
  );
}
