// The approver queue's filter form and the notice shown after a decision redirected back to it.
import Link from "next/link";
import type { ApproverLevel } from "@/lib/platform/auth/permissions";
import { humanizeEnum } from "@/lib/ui/format";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

const OUTCOMES = ["approved", "rejected", "signed"] as const;
export type DecidedOutcome = (typeof OUTCOMES)[number];

export function isOutcome(outcome: string | undefined): outcome is DecidedOutcome {
  return (OUTCOMES as readonly (string | undefined)[]).includes(outcome);
}

export function DecidedNotice({ number, outcome }: { number: string; outcome: DecidedOutcome }) {
  // The business number says what was decided: AM-… an amendment, CX-… a cancellation.
  const what = number.startsWith("AM-") ? "Amendment" : "Cancellation";
  return (
    <Alert tone="success" role="status" className="mb-4">
      {outcome === "signed" ? `Your approval of ${what.toLowerCase()} ${number} is recorded; it still waits for another approval.` : `${what} ${number} ${outcome}.`}
    </Alert>
  );
}

/** Level (only those the approver may sign) and minimum order value; a GET form, so the filter is in the URL. */
export function QueueFilterForm({ levels, level, minValueText, minValueInvalid }: { levels: readonly ApproverLevel[]; level?: ApproverLevel; minValueText: string; minValueInvalid: boolean }) {
  return (
    <form method="get" action="/approvals" aria-label="Filter approvals" className="mb-4 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="filter-level" className={labelClass}>
          Level
        </label>
        <select id="filter-level" name="level" defaultValue={level ?? ""} className={inputClass}>
          <option value="">All I may sign</option>
          {levels.map((l) => (
            <option key={l} value={l}>
              {humanizeEnum(l)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-min-value" className={labelClass}>
          Minimum order value
        </label>
        <input
          id="filter-min-value"
          name="minValue"
          inputMode="decimal"
          defaultValue={minValueText}
          placeholder="e.g. 500.00"
          aria-invalid={minValueInvalid}
          aria-describedby={minValueInvalid ? "filter-min-value-error" : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
      {(level || minValueText) && (
        <Link href="/approvals" className={buttonClass("ghost")}>
          Clear filters
        </Link>
      )}
      {minValueInvalid && (
        <p id="filter-min-value-error" className="w-full text-sm text-rose-700">
          Enter an amount like 500.00; the filter was not applied.
        </p>
      )}
    </form>
  );
}
