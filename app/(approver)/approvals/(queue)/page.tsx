import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { APPROVER_LEVELS, approverLevelRank, type ApproverLevel } from "@/lib/platform/auth/permissions";
import { listPendingApprovalPage } from "@/lib/modules/approvals/server/queue";
import { humanizeEnum } from "@/lib/ui/format";
import { firstParam } from "@/lib/ui/paging";
import { parseMoneyInput } from "@/lib/ui/money-input";
import { loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { ApprovalQueue, type QueueFilter } from "@/components/approvals/approval-queue";
import { QUEUE_POLL_MS } from "@/components/approvals/query-keys";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Approvals" };

const PAGE_SIZE = 25;

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const decided = firstParam(params.decided);
  const outcome = firstParam(params.outcome);
  const [actor, reasons] = await Promise.all([requestActor(), loadReasonCodes()]);
  const mayFilter = APPROVER_LEVELS.filter((l) => approverLevelRank(l) <= approverLevelRank(actor.approverLevel));
  const levelParam = firstParam(params.level);
  const level = mayFilter.find((l) => l === levelParam) as ApproverLevel | undefined;
  const minValueText = firstParam(params.minValue)?.trim() ?? "";
  const minValue = minValueText ? parseMoneyInput(minValueText) : null;
  const filter: QueueFilter = { level, minOrderValue: minValue !== null && minValue >= 0 ? minValue : undefined };
  const initialAt = Date.now();
  const initial = await listPendingApprovalPage(db(), actor, { level, minOrderValue: filter.minOrderValue, limit: PAGE_SIZE });
  const reasonLabels = Object.fromEntries(reasons.map((r) => [r.code, r.label]));
  const justDecided = decided && /^[A-Z]{1,10}-\d{1,12}$/.test(decided) && (outcome === "approved" || outcome === "rejected" || outcome === "signed") ? { number: decided, outcome } : null;

  return (
    <>
      <PageHeader
        title="Approvals"
        description={
          <>
            Cancellation requests waiting for {actor.approverLevel ? <>your sign-off (level {humanizeEnum(actor.approverLevel)} and below)</> : "a sign-off"}, oldest
            first. New requests appear within {QUEUE_POLL_MS / 1000} seconds.
          </>
        }
      />
      {justDecided && (
        <Alert tone="success" role="status" className="mb-4">
          {justDecided.outcome === "signed"
            ? `Your approval of cancellation ${justDecided.number} is recorded; it still waits for another approval.`
            : `Cancellation ${justDecided.number} ${justDecided.outcome}.`}
        </Alert>
      )}
      <form method="get" action="/approvals" aria-label="Filter approvals" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="filter-level" className={labelClass}>
            Level
          </label>
          <select id="filter-level" name="level" defaultValue={level ?? ""} className={inputClass}>
            <option value="">All I may sign</option>
            {mayFilter.map((l) => (
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
            aria-invalid={minValueText !== "" && filter.minOrderValue === undefined}
            aria-describedby={minValueText !== "" && filter.minOrderValue === undefined ? "filter-min-value-error" : undefined}
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
        {minValueText !== "" && filter.minOrderValue === undefined && (
          <p id="filter-min-value-error" className="w-full text-sm text-rose-700">
            Enter an amount like 500.00; the filter was not applied.
          </p>
        )}
      </form>
      <ApprovalQueue
        key={`${filter.level ?? ""}|${filter.minOrderValue ?? ""}`}
        initial={initial}
        initialAt={initialAt}
        filter={filter}
        pageSize={PAGE_SIZE}
        reasonLabels={reasonLabels}
      />
    </>
  );
}
