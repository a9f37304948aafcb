import { cn } from "@/components/ui/cn";
import { BUCKET_DISPLAY, lineProgress, type LineQuantities } from "@/lib/ui/line-progress";

const BUCKET_COLORS: Record<keyof LineQuantities, string> = {
  open: "bg-slate-300",
  allocated: "bg-amber-200",
  released: "bg-amber-300",
  picked: "bg-amber-400",
  packed: "bg-amber-500",
  shipped: "bg-sky-500",
  delivered: "bg-emerald-500",
  cancelled: "bg-rose-300",
  returned: "bg-violet-400",
};

/** A stacked bar of where a line's units are; decorative, the chips next to it carry the numbers. */
export function QuantityBar({ quantities, total, className }: { quantities: LineQuantities; total: number; className?: string }) {
  if (total <= 0) return null;
  return (
    <div aria-hidden="true" className={cn("flex h-2 w-full overflow-hidden rounded-full bg-slate-100", className)}>
      {BUCKET_DISPLAY.map(({ key }) =>
        quantities[key] > 0 ? (
          <div key={key} className={BUCKET_COLORS[key]} style={{ width: `${(quantities[key] / total) * 100}%` }} />
        ) : null,
      )}
    </div>
  );
}

function Chip({ label, value, color, muted }: { label: string; value: number; color?: string; muted?: boolean }) {
  return (
    <li
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs",
        muted ? "border-slate-200 text-slate-400" : "border-slate-200 bg-white text-slate-700",
      )}
    >
      {color && <span aria-hidden="true" className={cn("h-2 w-2 rounded-full", color)} />}
      <span>{label}</span>
      <span className={cn("font-semibold tabular-nums", muted ? "text-slate-400" : "text-slate-900")}>{value}</span>
    </li>
  );
}

/** Buyer wording: ordered / in progress / shipped / delivered / cancelled (+ not started, returned when any). */
export function BuyerQuantityChips({ quantity, quantities }: { quantity: number; quantities: LineQuantities }) {
  const p = lineProgress(quantity, quantities);
  return (
    <ul aria-label="Quantities" className="flex flex-wrap gap-1.5">
      <Chip label="Ordered" value={p.ordered} />
      {p.notStarted > 0 && <Chip label="Not started" value={p.notStarted} color={BUCKET_COLORS.open} />}
      <Chip label="In progress" value={p.inProgress} color={BUCKET_COLORS.packed} muted={p.inProgress === 0} />
      <Chip label="Shipped" value={p.shipped} color={BUCKET_COLORS.shipped} muted={p.shipped === 0} />
      <Chip label="Delivered" value={p.delivered} color={BUCKET_COLORS.delivered} muted={p.delivered === 0} />
      <Chip label="Cancelled" value={p.cancelled} color={BUCKET_COLORS.cancelled} muted={p.cancelled === 0} />
      {p.returned > 0 && <Chip label="Returned" value={p.returned} color={BUCKET_COLORS.returned} />}
    </ul>
  );
}

/** Seller wording: every bucket that holds units. */
export function BucketChips({ quantities, showEmpty = false }: { quantities: LineQuantities; showEmpty?: boolean }) {
  return (
    <ul aria-label="Units by stage" className="flex flex-wrap gap-1.5">
      {BUCKET_DISPLAY.filter(({ key }) => showEmpty || quantities[key] > 0).map(({ key, label }) => (
        <Chip key={key} label={label} value={quantities[key]} color={BUCKET_COLORS[key]} muted={quantities[key] === 0} />
      ))}
    </ul>
  );
}
