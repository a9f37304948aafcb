import type { ApiKeyView } from "@/lib/modules/api-keys/contracts/api-keys";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { formatDateTime } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { RevokeKeyButton } from "./revoke-key-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The keys with their user, scopes, limit, creation and last use; active ones can be revoked. */
export function ApiKeyTable({ keys, revokeAction }: { keys: ApiKeyView[]; revokeAction: Action }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">Key</th>
            <th scope="col" className="px-4 py-3">User</th>
            <th scope="col" className="hidden px-4 py-3 md:table-cell">Scopes</th>
            <th scope="col" className="hidden px-4 py-3 lg:table-cell">Limit / min</th>
            <th scope="col" className="hidden px-4 py-3 lg:table-cell">Created</th>
            <th scope="col" className="px-4 py-3">Last used</th>
            <th scope="col" className="px-4 py-3 text-right"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((k) => (
            <tr key={k.id} aria-label={k.name} className={k.status === "REVOKED" ? "bg-slate-50 text-slate-500" : ""}>
              <th scope="row" className="px-4 py-3 text-left font-semibold">
                <span className="break-all">{k.name}</span>
                <span className="block font-mono text-xs font-normal text-slate-500">{k.prefix}…</span>
                {k.status === "REVOKED" && <Badge tone="red" className="mt-1">Revoked</Badge>}
              </th>
              <td className="break-all px-4 py-3">{k.userEmail}</td>
              <td className="hidden px-4 py-3 font-mono text-xs md:table-cell">{k.scopes.join(", ")}</td>
              <td className="hidden px-4 py-3 lg:table-cell">{k.rateLimitPerMinute ?? "default"}</td>
              <td className="hidden px-4 py-3 lg:table-cell">{formatDateTime(k.createdAt)}</td>
              <td className="px-4 py-3">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "never"}</td>
              <td className="px-4 py-3 text-right">{k.status === "ACTIVE" && <RevokeKeyButton apiKeyId={k.id} name={k.name} action={revokeAction} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
