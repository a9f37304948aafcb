// Approver levels and waiting times as people say them: "VP", "Two managers", "2 days".
import { plural } from "./format.ts";

const LEVEL_LABELS: Record<string, string> = { SUPERVISOR: "Supervisor", MANAGER: "Manager", DIRECTOR: "Director", VP: "VP" };
const LEVEL_NOUNS: Record<string, [one: string, many: string]> = {
  SUPERVISOR: ["supervisor", "supervisors"],
  MANAGER: ["manager", "managers"],
  DIRECTOR: ["director", "directors"],
  VP: ["vice president", "vice presidents"],
};
const COUNT_WORDS = ["", "a", "two", "three", "four", "five"];

/** "MANAGER" → "Manager", "VP" → "VP"; an unknown level reads as itself in sentence case. */
export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level.charAt(0).toUpperCase() + level.slice(1).toLowerCase();
}

/**
 * Who must approve, for a buyer: one phrase per level, counted ("A manager and a director",
 * "Two managers"), in the order the levels first appear.
 */
export function approversPhrase(levels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const parts = [...counts].map(([level, n]) => {
    const [one, many] = LEVEL_NOUNS[level] ?? [levelLabel(level).toLowerCase(), `${levelLabel(level).toLowerCase()}s`];
    const count = COUNT_WORDS[n] ?? String(n);
    return n === 1 ? `${/^[aeiou]/.test(one) ? "an" : "a"} ${one}` : `${count} ${many}`;
  });
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Minutes as the largest whole unit that fits: "45 min", "2 hours", "1 day", "1 day 6 hours". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? plural(days, "day") : "", hours ? plural(hours, "hour") : "", rest ? `${rest} min` : ""].filter(Boolean);
  return parts.join(" ");
}
