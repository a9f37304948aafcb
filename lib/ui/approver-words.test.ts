import { describe, expect, it } from "vitest";
import { approversPhrase, formatMinutes, levelLabel } from "./approver-words.ts";

describe("approver words", () => {
  it("labels levels as people write them", () => {
    expect(["SUPERVISOR", "MANAGER", "DIRECTOR", "VP"].map(levelLabel)).toEqual(["Supervisor", "Manager", "Director", "VP"]);
    expect(levelLabel("REGIONAL")).toBe("Regional");
  });

  it("counts repeated levels instead of repeating them", () => {
    expect(approversPhrase(["MANAGER"])).toBe("A manager");
    expect(approversPhrase(["MANAGER", "MANAGER"])).toBe("Two managers");
    expect(approversPhrase(["MANAGER", "DIRECTOR", "MANAGER"])).toBe("Two managers and a director");
    expect(approversPhrase(["SUPERVISOR", "MANAGER", "VP"])).toBe("A supervisor, a manager and a vice president");
    expect(approversPhrase([])).toBe("");
  });

  it("writes expiry times in hours and days", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(60)).toBe("1 hour");
    expect(formatMinutes(120)).toBe("2 hours");
    expect(formatMinutes(1440)).toBe("1 day");
    expect(formatMinutes(2880 + 360)).toBe("2 days 6 hours");
    expect(formatMinutes(90)).toBe("1 hour 30 min");
  });
});
