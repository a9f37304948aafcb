import type { AmendmentPreviewT } from "@/lib/modules/amendments/contracts/amendments";
import { COMMAND_WORDS, PHASE_WORDS, levelWords, safetyWords } from "@/lib/ui/amendment-words";
import { Alert } from "@/components/ui/alert";

/** What the previewed change would do: per change its phase and what the safety matrix says; the approvals it needs. */
export function AmendmentPreviewSummary({ preview }: { preview: AmendmentPreviewT }) {
  const { feasibility, requiredApprovals } = preview.assessment;
  return (
    <section aria-label="What this change does" className="space-y-3 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">What this change does</h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {preview.changes.map((c) => (
          <li key={c.path} className="py-2">
            <span className="font-medium text-slate-900">{COMMAND_WORDS[c.command]}</span>{" "}
            <span className="text-slate-600">— the order is {PHASE_WORDS[c.phase]}.</span> {safetyWords(c.safety, c.approvalLevel, c.blocker)}
          </li>
        ))}
      </ul>
      {feasibility === "BLOCKED" ? (
        <Alert tone="error" role="alert" title="This change can't be made">
          Remove the blocked part and review again.
        </Alert>
      ) : requiredApprovals.length ? (
        <Alert tone="warning" role="status" title="Needs approval">
          The order changes once {requiredApprovals.map((r) => levelWords(r.level)).join(" and ")} approve{requiredApprovals.length === 1 ? "s" : ""}.
        </Alert>
      ) : (
        <Alert tone="success" role="status" title="Ready">
          Confirm to change the order now.
        </Alert>
      )}
    </section>
  );
}
