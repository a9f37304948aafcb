import { DomainError } from "../errors.ts";

/** Opaque cursors: the id of the last row, so clients cannot depend on its contents. */
export function encodeCursor(id: string): string {
  return Buffer.from(`v1:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith("v1:") || text.length < 4) {
    throw new DomainError("VALIDATION_FAILED", "The cursor is not valid", { errors: [{ path: "cursor", message: "malformed cursor" }] });
  }
  return text.slice(3);
}
