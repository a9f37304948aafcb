import type { AmendmentPreviewT } from "@/lib/modules/amendments/contracts/amendments";
import { PHASE_WORDS, levelWords, safetyWords } from "@/lib/ui/amendment-words";
import { changeText, type LineNames } from "@/lib/ui/amendment-change-text";
import { Alert } from "@/components/ui/alert";
import { AmendmentMoneyImpact } from "./amendment-money-impact";

function Outcome({ assessment }: { assessment: AmendmentPreviewT["assessment"] }) {
  const { feasibility, requiredApprovals } = assessment;
  if (feasibility === "BLOCKED") {
    return (
      <Alert tone="error" role="alert" title="This change can't be made">
        Remove the blocked part and review again.
      </Alert>
    );
  }
  if (requiredApprovals.length) {
    return (
      <Alert tone="warning" role="status" title="Needs approval">
        The order changes once {requiredApprovals.map((r) => levelWords(r.level)).join(" and ")} approve{requiredApprovals.length === 1 ? "s" : ""}.
      </Alert>
    );
  }
  return (
    <Alert tone="success" role="status" title="Ready">
      Confirm to change the order now.
    </Alert>
  );
}

/** What the previewed change would do: per change before → after, its phase and what the safety matrix says; the money; the approvals it needs. */
export function AmendmentPreviewSummary({ preview, currency, lines }: { preview: AmendmentPreviewT; currency: string; lines: LineNames }) {
  return (
    <section aria-label="What this change does" className="space-y-3 rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">What this change does</h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {preview.changes.map((c) => {
          const t = changeText(c, lines, currency);
          return (
            <li key={c.path} className="py-2">
              <span className="font-medium text-slate-900">{t.label}</span>
              {c.orderLineId && (
                <span className="text-slate-700">
                  : {t.before} → {t.after}
                </span>
              )}{" "}
              <span className="text-slate-600">— the order is {PHASE_WORDS[c.phase]}.</span> {safetyWords(c.safety, c.approvalLevel, c.blocker)}
            </li>
          );
        })}
      </ul>
      <AmendmentMoneyImpact impact={preview.impact} currency={currency} lines={lines} />
      <Outcome assessment={preview.assessment} />
    </section>
  );
}
