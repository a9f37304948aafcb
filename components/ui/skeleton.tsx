import { cn } from "./cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} />;
}

/** A page-shaped placeholder; announces itself once to screen readers. */
export function PageSkeleton({ label, rows = 5, aside = false }: { label: string; rows?: number; aside?: boolean }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-8 w-64" />
      </div>
      <div className={cn("grid gap-6", aside && "lg:grid-cols-3")}>
        <div className={cn("space-y-3", aside && "lg:col-span-2")}>
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
        {aside && (
          <div className="space-y-3">
            <Skeleton className="h-40 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
      </div>
    </div>
  );
}
