"use client";
import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/ui/action-result";

/**
 * `useActionState` for forms that should keep what the user typed when the action fails. The
 * form still posts to the server action without JavaScript (`action`); with JavaScript, onSubmit
 * dispatches in a transition, which skips React's automatic form reset.
 */
export function useFormAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return { state, pending, formAction, onSubmit };
}
