import { cn } from "./cn";

/** Two-column label/value rows (totals, order facts). */
export function DescriptionList({ items, className }: { items: { label: React.ReactNode; value: React.ReactNode; strong?: boolean }[]; className?: string }) {
  return (
    <dl className={cn("divide-y divide-slate-100 text-sm", className)}>
      {items.map((item, i) => (
        <div key={i} className="flex items-baseline justify-between gap-4 py-1.5">
          <dt className={cn("text-slate-600", item.strong && "font-semibold text-slate-900")}>{item.label}</dt>
          <dd className={cn("text-right tabular-nums text-slate-900", item.strong && "font-semibold")}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
