import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/ui/format";

export interface NoteView {
  id: string;
  body: string;
  visibility: string;
  notifyCustomer: boolean;
  author: string;
  /** The store whose part of the order the note is about; null: the whole order. */
  storeCode?: string | null;
  createdAt: string;
}

export function NotesList({ notes, showVisibility, emptyText }: { notes: NoteView[]; showVisibility: boolean; emptyText: string }) {
  if (!notes.length) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="space-y-3">
      {notes.map((n) => (
        <li key={n.id} className="rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2">
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span>
              <span className="font-medium text-slate-700">{n.author}</span> · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </span>
            {showVisibility && (
              <span className="flex gap-1">
                {n.storeCode && <Badge tone="gray">{n.storeCode}</Badge>}
                <Badge tone={n.visibility === "CUSTOMER" ? "blue" : "gray"}>{n.visibility === "CUSTOMER" ? "Customer-visible" : "Internal"}</Badge>
                {n.notifyCustomer && <Badge tone="green">Customer notified</Badge>}
              </span>
            )}
          </div>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{n.body}</p>
        </li>
      ))}
    </ul>
  );
}
