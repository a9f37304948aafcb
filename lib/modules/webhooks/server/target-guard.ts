import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "../../../platform/config/env.ts";
import { DomainError } from "../../../platform/errors.ts";
import { isInternalAddress, urlProblem } from "../domain/address.ts";

/** Whether loopback and private targets are allowed (WEBHOOK_ALLOW_PRIVATE_TARGETS), unless a caller says otherwise. */
export function privateTargetsAllowed(override?: boolean): boolean {
  return override ?? env().WEBHOOK_ALLOW_PRIVATE_TARGETS;
}

/** Why a target is refused; `transient` when it may work later (a name that does not resolve now). */
export interface TargetRefusal {
  message: string;
  transient: boolean;
}

/**
 * Why `url` may not receive webhooks, or null: not http(s), credentials in it, a host that does
 * not resolve, or one that resolves to any internal address (every address is checked, so a name
 * with one public and one private address is refused). Checked at registration and before every
 * attempt, as a name may point elsewhere later.
 */
export async function targetProblem(url: string, allowPrivate: boolean): Promise<TargetRefusal | null> {
  const shape = urlProblem(url);
  if (shape) return { message: shape.message, transient: false };
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { message: `The host ${host} cannot be resolved`, transient: true };
    }
  }
  if (!addresses.length) return { message: `The host ${host} cannot be resolved`, transient: true };
  const internal = addresses.find(isInternalAddress);
  if (internal) return { message: `The host ${host} is on a loopback or private network (${internal}); webhooks go to public addresses only`, transient: false };
  return null;
}

/** Refuses a target with 422 and the reason on `url`. */
export async function assertTarget(url: string, allowPrivate: boolean): Promise<void> {
  const problem = await targetProblem(url, allowPrivate);
  if (problem) throw new DomainError("VALIDATION_FAILED", problem.message, { errors: [{ path: "url", message: problem.message }] });
}
