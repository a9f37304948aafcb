"use client";
import { startTransition, useState } from "react";
import type { DataResult } from "@/lib/platform/actions/action-result";
import { useFormAction } from "./use-form-action";

type Action<T> = (prev: DataResult<T> | null, form: FormData) => Promise<DataResult<T>>;

/**
 * The two submissions of the form: a preview, then a confirmation of exactly what was previewed.
 * What the preview and the last error belong to: a change or a reload makes them stale.
 */
export function usePreviewThenConfirm<T, C = T>(version: number, previewAction: Action<T>, confirmAction: Action<C>, confirmable: (previewed: T) => boolean) {
  const preview = useFormAction(previewAction);
  const confirm = useFormAction(confirmAction);
  const [dirty, setDirty] = useState(false);
  const [last, setLast] = useState<{ kind: "preview" | "confirm"; version: number } | null>(null);

  const lastState = last?.kind === "confirm" ? confirm.state : preview.state;
  const error = last && last.version === version && lastState && !lastState.ok ? lastState : null;
  const stale = error?.code === "VERSION_MISMATCH";
  const previewed = !dirty && !stale && last?.version === version && preview.state?.ok ? preview.state.data : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    if (submitter?.value === "confirm") {
      setLast({ kind: "confirm", version });
      startTransition(() => confirm.formAction(data));
    } else {
      setDirty(false);
      setLast({ kind: "preview", version });
      startTransition(() => preview.formAction(data));
    }
  };

  return {
    error,
    previewed,
    /** What the last confirmation answered, once it worked (kept after the page reloads with a new version). */
    confirmed: last?.kind === "confirm" && confirm.state?.ok ? confirm.state.data : null,
    canConfirm: previewed !== null && confirmable(previewed),
    pending: preview.pending || confirm.pending,
    previewPending: preview.pending,
    confirmPending: confirm.pending,
    /** The form changed after a preview that worked: it has to run again before confirming. */
    changedSincePreview: dirty && preview.state?.ok === true && last?.kind === "preview",
    previewAction: preview.formAction,
    confirmAction: confirm.formAction,
    onSubmit,
    onChange: () => setDirty(true),
  };
}

export type PreviewThenConfirm<T, C = T> = ReturnType<typeof usePreviewThenConfirm<T, C>>;
