import type { Metadata } from "next";
import { formatDate, humanizeEnum } from "@/lib/ui/format";
import { loadMyPoints } from "@/components/points/load-points";
import { formatPoints } from "@/components/points/points-refunds";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "My points" };

const KIND_LABEL = { EARNED: "Earned", REDEEMED: "Redeemed", REFUNDED: "Given back" } as const;

type MyPoints = NonNullable<Awaited<ReturnType<typeof loadMyPoints>>>;

/** Every deposit, redemption and refund of the account, newest first. */
function PointsHistory({ history }: { history: MyPoints["history"] }) {
  return (
    <Card title="History" titleId="history" className="lg:col-span-2">
      <div className="overflow-x-auto">
        <table aria-labelledby="history" className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Date</th>
              <th scope="col" className="py-2 pr-4 font-medium">What</th>
              <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Program</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Points</th>
              <th scope="col" className="hidden py-2 font-medium sm:table-cell">Expires</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.map((h) => (
              <tr key={h.id}>
                <td className="py-2 pr-4 whitespace-nowrap">{formatDate(h.effectiveAt)}</td>
                <td className="py-2 pr-4">{KIND_LABEL[h.kind] ?? humanizeEnum(h.kind)}</td>
                <td className="hidden py-2 pr-4 sm:table-cell">{h.programId ?? "—"}</td>
                <td className={`py-2 pr-4 text-right tabular-nums ${h.kind === "REDEEMED" ? "text-rose-700" : "text-emerald-700"}`}>
                  {h.kind === "REDEEMED" ? "−" : "+"}
                  {h.points.toLocaleString("en-US")}
                </td>
                <td className="hidden py-2 whitespace-nowrap sm:table-cell">{h.expiresAt ? <time dateTime={h.expiresAt}>{formatDate(h.expiresAt)}</time> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export default async function MyPointsPage() {
  const mine = await loadMyPoints();
  if (!mine) {
    return (
      <>
        <PageHeader title="My points" />
        <EmptyState title="No points account yet">Points you earn with your orders will show up here.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="My points" description={<>Balance: <strong className="text-slate-900">{formatPoints(mine.balance)}</strong> you can use now.</>} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6">
          <Card title="Balance by program" titleId="balance">
            {mine.programs.length === 0 ? (
              <p className="text-sm text-slate-600">No points available right now.</p>
            ) : (
              <ul aria-labelledby="balance" className="divide-y divide-slate-100 text-sm">
                {mine.programs.map((p) => (
                  <li key={p.programId} className="flex justify-between gap-4 py-1.5">
                    <span className="text-slate-700">{p.programId}</span>
                    <span className="font-medium tabular-nums">{formatPoints(p.points)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Upcoming expiries" titleId="expiries">
            {mine.upcomingExpiries.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing expires.</p>
            ) : (
              <ul aria-labelledby="expiries" className="divide-y divide-slate-100 text-sm">
                {mine.upcomingExpiries.map((e) => (
                  <li key={`${e.expiresAt}-${e.programId}`} className="flex justify-between gap-4 py-1.5">
                    <span>
                      <time dateTime={e.expiresAt}>{formatDate(e.expiresAt)}</time> <span className="text-slate-500">· {e.programId}</span>
                    </span>
                    <span className="tabular-nums">{formatPoints(e.points)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <PointsHistory history={mine.history} />
      </div>
    </>
  );
}
