"use server";
// Server action of the store's return page, through the action wrapper (lib/platform/actions/define-action.ts):
// the receipt of one return line, as the API's receive call takes it.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { ReceiveReturn } from "@/lib/modules/returns/contracts/returns";
import { receiveReturn } from "@/lib/modules/returns/server/receive-return";
import { defineAction, FormId, pagesShowing } from "@/lib/platform/actions/define-action";
import { cancelReturnParts } from "@/components/returns/return-actions";
import { receiptFieldOf, receiptFromForm } from "@/lib/ui/return-form";
import { returnStatusLabel } from "@/lib/ui/related-orders";

/** Receives units of one return line (restocked or damaged); the refund for them follows. */
export const receiveReturnAction = defineAction({
  name: "receiveReturn",
  ref: z.object({ returnId: FormId }),
  input: receiptFromForm,
  schema: ReceiveReturn,
  toField: (path) => receiptFieldOf(path),
  messages: { CONFLICT: true, NOT_FOUND: "This return or its line is gone. Reload the page." },
  run: (actor, input, ref) => receiveReturn(db(), actor, ref.returnId, input),
  revalidate: ({ result }) => pagesShowing.returnOrder(result),
  onSuccess: (r) => ({ ok: true, message: `Received. Return ${r.number}: ${returnStatusLabel(r.status).toLowerCase()}.` }),
});

/** The store calls a return off before anything was received. */
export const cancelReturnAction = defineAction(cancelReturnParts);
