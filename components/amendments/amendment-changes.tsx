import type { AmendmentViewT } from "@/lib/modules/amendments/contracts/amendments";
import { PHASE_WORDS, safetyWords } from "@/lib/ui/amendment-words";
import { changeText, type LineNames } from "@/lib/ui/amendment-change-text";

/** Each change of an amendment: from what to what, the phase it met, and what the safety matrix said. */
export function AmendmentChanges({ amendment, lines, currency }: { amendment: Pick<AmendmentViewT, "changes" | "reasonCode" | "reasonText">; lines: LineNames; currency: string }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {amendment.changes.map((c) => {
        const t = changeText(c, lines, currency);
        return (
          <li key={c.path} className="space-y-1 py-2">
            <p className="font-medium text-slate-900">{t.label}</p>
            <p className="text-slate-700">
              <span className="text-slate-500 line-through">{t.before}</span> → {t.after}
            </p>
            <p className="text-slate-600">
              The order is {PHASE_WORDS[c.phase]}. {safetyWords(c.safety, c.approvalLevel, c.blocker)}
            </p>
          </li>
        );
      })}
      <li className="py-2 text-slate-600">
        Reason: {amendment.reasonCode.toLowerCase().replaceAll("_", " ")}
        {amendment.reasonText ? ` — ${amendment.reasonText}` : ""}
      </li>
    </ul>
  );
}
