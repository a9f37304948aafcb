import Link from "next/link";
import { buttonClass } from "./button";
import type { PreviewThenConfirm } from "./use-preview-then-confirm";

interface Words {
  preview: string;
  previewing: string;
  confirm: string;
  confirming: string;
  /** The verb of the preview, as in "You changed the form: … again before confirming." */
  again: string;
}

/** Accessible names for the buttons when several such forms share a page (e.g. one per line). */
interface Names {
  preview?: string;
  confirm?: string;
}

/** The buttons of a preview-then-confirm form: preview, confirm once a preview allows it, back (when the form has its own page); and a hint when the form changed since. */
export function PreviewConfirmButtons<T, C = T>({
  form,
  backHref,
  words,
  names = {},
  danger = false,
}: {
  form: PreviewThenConfirm<T, C>;
  backHref?: string;
  words: Words;
  names?: Names;
  danger?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" name="intent" value="preview" disabled={form.pending} aria-label={names.preview} className={buttonClass(form.canConfirm ? "secondary" : "primary")}>
        {form.previewPending ? words.previewing : words.preview}
      </button>
      {form.canConfirm && (
        <button type="submit" name="intent" value="confirm" formAction={form.confirmAction} disabled={form.pending} aria-label={names.confirm} className={buttonClass(danger ? "danger" : "primary")}>
          {form.confirmPending ? words.confirming : words.confirm}
        </button>
      )}
      {backHref && (
        <Link href={backHref} className={buttonClass("ghost")}>
          Back to the order
        </Link>
      )}
      {form.changedSincePreview && (
        <span className="text-sm text-slate-600" aria-live="polite">
          You changed the form: {words.again} again before confirming.
        </span>
      )}
    </div>
  );
}
