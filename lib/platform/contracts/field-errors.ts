// Field paths and zod issues as field errors live with the error vocabulary (lib/platform/errors.ts),
// where pure rules may use them too.
export { fieldPath, zodFieldErrors } from "../errors.ts";
