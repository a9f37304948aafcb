import { cn } from "./cn";

export type Tone = "gray" | "blue" | "amber" | "green" | "red" | "violet" | "indigo";

const TONES: Record<Tone, string> = {
  gray: "bg-slate-100 text-slate-700 ring-slate-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-300",
  amber: "bg-amber-50 text-amber-800 ring-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  red: "bg-rose-50 text-rose-800 ring-rose-300",
  violet: "bg-violet-50 text-violet-800 ring-violet-300",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-300",
};

export function Badge({ tone = "gray", children, className }: { tone?: Tone; children: React.ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
