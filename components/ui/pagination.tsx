import Link from "next/link";
import { cn } from "./cn";

/** Page numbers to show: first, last, current ±1, with gaps as null. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === "number" && p - prev > 1) out.push(null);
    out.push(p);
  }
  return out;
}

const itemClass =
  "inline-flex min-w-9 items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** "Previous" or "Next": a link, or a disabled label at either end. */
function StepLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: React.ReactNode }) {
  if (href === null) {
    return (
      <span className={cn(itemClass, "text-slate-400")} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={cn(itemClass, "text-slate-700 hover:bg-slate-100")} rel={rel}>
      {children}
    </Link>
  );
}

export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pagination",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </p>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          <StepLink href={page > 1 ? hrefFor(page - 1) : null} rel="prev">
            Previous
          </StepLink>
        </li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={hrefFor(p)}
                aria-label={`Page ${p}`}
                aria-current={p === page ? "page" : undefined}
                className={cn(itemClass, p === page ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100")}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          <StepLink href={page < pageCount ? hrefFor(page + 1) : null} rel="next">
            Next
          </StepLink>
        </li>
      </ul>
    </nav>
  );
}
