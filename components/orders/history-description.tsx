import type { HistoryEntryT } from "@/lib/modules/orders/contracts/orders";
import { historyChangeTexts, type LineNames } from "@/lib/ui/amendment-change-text";

/** What a history entry did: an amendment's changes as before → after per field or line, anything else as recorded. */
export function HistoryDescription({ entry, lines, currency }: { entry: HistoryEntryT; lines: LineNames; currency: string | undefined }) {
  const texts = currency && entry.action.startsWith("AMENDMENT_") ? historyChangeTexts(entry.data, lines, currency) : null;
  if (!texts) return <p className="text-sm text-slate-700">{entry.description}</p>;
  const number = (entry.data as { number?: unknown }).number;
  return (
    <div className="text-sm text-slate-700">
      {typeof number === "string" && <p>{number}</p>}
      <ul>
        {texts.map((t, i) => (
          <li key={i}>
            {t.label}: <span className="text-slate-500 line-through">{t.before}</span> → {t.after}
          </li>
        ))}
      </ul>
    </div>
  );
}
