import { randomUUID } from "node:crypto";
import type { Actor } from "./actor.ts";

/** The actor recorded on work the system does by itself (history, outbox) — not a person. `name` says which part acted. */
export function systemActor(name = "Countermand job runner"): Actor {
  return {
    userId: "system",
    email: "system@countermand",
    name,
    roles: new Set(["OPS"]),
    approverLevel: null,
    storeIds: [],
    scopes: "*",
    via: "system",
    correlationId: randomUUID(),
  };
}
