import { Suspense } from "react";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import type { ActionState } from "@/lib/platform/actions/action-result";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { AddNoteForm } from "./add-note-form";
import { NotesList } from "./notes-list";
import { loadOrderNotes } from "./load-order";

type AddNoteAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The seller's notes on the order: a form to add one (for one of their stores on a shared order) and the notes so far. */
export function SellerNotesCard({ order, addNoteAction }: { order: OrderViewT; addNoteAction: AddNoteAction }) {
  return (
    <Card title="Notes" titleId="notes">
      <AddNoteForm
        orderId={order.id}
        action={addNoteAction}
        stores={order.view === "STORES" ? order.subOrders.map((s) => ({ code: s.storeCode, name: s.storeName })) : []}
      />
      <div className="mt-5 border-t border-slate-100 pt-4">
        <Suspense fallback={<Skeleton className="h-16 w-full" />}>
          <Notes orderId={order.id} />
        </Suspense>
      </div>
    </Card>
  );
}

async function Notes({ orderId }: { orderId: string }) {
  const notes = await loadOrderNotes(orderId);
  return <NotesList notes={notes} showVisibility emptyText="No notes yet." />;
}
