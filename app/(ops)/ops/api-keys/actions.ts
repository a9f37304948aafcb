"use server";
// Server actions of the OPS API-keys page: create a key (shown once, in this action's answer only)
// and revoke one. The commands authorize OPS; bad input comes back as field messages.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateApiKey } from "@/lib/modules/api-keys/contracts/api-keys";
import { createApiKey, revokeApiKey } from "@/lib/modules/api-keys/server/api-keys";
import { defineAction, FormId, pagesShowing, refuseForm } from "@/lib/platform/actions/define-action";
import { apiKeyInputFromForm } from "@/lib/ui/api-key-form";

export const createApiKeyAction = defineAction({
  name: "createApiKey",
  ref: z.object({}),
  input: (form) => {
    const built = apiKeyInputFromForm(form);
    return built.ok ? built.input : refuseForm(built.fieldErrors);
  },
  schema: CreateApiKey,
  messages: { VALIDATION_FAILED: "Please correct the highlighted fields. No key was created." },
  run: (actor, input) => createApiKey(db(), actor, input),
  revalidate: () => pagesShowing.apiKeys(),
  onSuccess: (created) => ({ ok: true as const, message: `Key “${created.name}” created for ${created.userEmail}.`, data: { key: created.key, id: created.id } }),
});

export const revokeApiKeyAction = defineAction({
  name: "revokeApiKey",
  ref: z.object({ apiKeyId: FormId }),
  messages: { NOT_FOUND: "This key no longer exists." },
  run: (actor, _input, ref) => revokeApiKey(db(), actor, ref.apiKeyId),
  revalidate: () => pagesShowing.apiKeys(),
  onSuccess: (key) => ({ ok: true, message: `Key “${key.name}” revoked.` }),
});
