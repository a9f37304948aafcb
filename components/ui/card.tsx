import { cn } from "./cn";

export function Card({
  title,
  titleId,
  actions,
  children,
  className,
  as: Tag = "section",
}: {
  title?: React.ReactNode;
  titleId?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  as?: "section" | "div" | "article" | "aside";
}) {
  return (
    <Tag
      aria-labelledby={title && titleId ? titleId : undefined}
      className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          {title && (
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      <div className="px-4 py-4">{children}</div>
    </Tag>
  );
}
