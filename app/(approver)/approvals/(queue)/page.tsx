import type { Metadata } from "next";
import { db } from "@/lib/platform/db/client";
import type { ApproverLevel } from "@/lib/platform/auth/permissions";
import { signableLevels } from "@/lib/modules/approvals/domain/signing";
import { listPendingApprovalPage } from "@/lib/modules/approvals/server/queue";
import { humanizeEnum } from "@/lib/ui/format";
import { firstParam } from "@/lib/ui/paging";
import { parseMoneyInput } from "@/lib/ui/money-input";
import { loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { ApprovalQueue, type QueueFilter } from "@/components/approvals/approval-queue";
import { QUEUE_POLL_MS } from "@/components/approvals/query-keys";
import { DecidedNotice, isOutcome, QueueFilterForm } from "@/components/approvals/queue-filter-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Approvals" };

const PAGE_SIZE = 25;

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const decided = firstParam(params.decided);
  const outcome = firstParam(params.outcome);
  const [actor, reasons] = await Promise.all([requestActor(), loadReasonCodes()]);
  const mayFilter = signableLevels(actor.approverLevel);
  const levelParam = firstParam(params.level);
  const level = mayFilter.find((l) => l === levelParam) as ApproverLevel | undefined;
  const minValueText = firstParam(params.minValue)?.trim() ?? "";
  const minValue = minValueText ? parseMoneyInput(minValueText) : null;
  const filter: QueueFilter = { level, minOrderValue: minValue !== null && minValue >= 0 ? minValue : undefined };
  const initialAt = Date.now();
  const initial = await listPendingApprovalPage(db(), actor, { level, minOrderValue: filter.minOrderValue, limit: PAGE_SIZE });
  const reasonLabels = Object.fromEntries(reasons.map((r) => [r.code, r.label]));
  const justDecided = decided && /^[A-Z]{1,10}-\d{1,12}$/.test(decided) && isOutcome(outcome) ? { number: decided, outcome } : null;

  return (
    <>
      <PageHeader
        title="Approvals"
        description={
          <>
            Cancellations and amendments waiting for {actor.approverLevel ? <>your sign-off (level {humanizeEnum(actor.approverLevel)} and below)</> : "a sign-off"}, oldest
            first. New requests appear within {QUEUE_POLL_MS / 1000} seconds.
          </>
        }
      />
      {justDecided && <DecidedNotice {...justDecided} />}
      <QueueFilterForm levels={mayFilter} level={level} minValueText={minValueText} minValueInvalid={minValueText !== "" && filter.minOrderValue === undefined} />
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
