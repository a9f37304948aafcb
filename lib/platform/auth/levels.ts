// Approver levels, lowest first. A level signs its own tasks and every lower one; escalation moves
// a task one level up. Actors carry one (lib/platform/auth), rules ask for one (rules.ts).

export const APPROVER_LEVELS = ["SUPERVISOR", "MANAGER", "DIRECTOR", "VP"] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

/** 0 for no level, then 1 … 4 in APPROVER_LEVELS order. */
export function approverLevelRank(level: ApproverLevel | null | undefined): number {
  return level ? APPROVER_LEVELS.indexOf(level) + 1 : 0;
}
