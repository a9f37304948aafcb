"use client";
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/platform/actions/action-result";

/**
 * `useActionState` for forms that should keep what the user typed when the action fails. The
 * form still posts to the server action without JavaScript (`action`); with JavaScript, onSubmit
 * dispatches in a transition, which skips React's automatic form reset. `R` is the action's result
 * type: `ActionResult`, or a `DataResult<T>` that carries data back (e.g. a preview).
 */
export function useFormAction<R extends ActionResult = ActionResult>(action: (prev: R | null, form: FormData) => Promise<R | null>) {
  const [state, formAction, pending] = useActionState<R | null, FormData>(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return { state, pending, formAction, onSubmit };
}
