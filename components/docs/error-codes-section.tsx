import { ERROR_CODES, ERROR_STATUS, ERROR_TITLES } from "@/lib/platform/errors";
import { errorAnchor } from "@/lib/ui/openapi-view";
import { ERROR_MEANINGS } from "./error-codes";
import { InlineCode } from "./inline-code";

/** Every problem code with its HTTP status and meaning; each row is the target of its problem `type` URI. */
export function ErrorCodesSection() {
  return (
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
  );
}
