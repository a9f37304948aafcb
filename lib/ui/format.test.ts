import { describe, expect, it } from "vitest";
import { countryName, formatDeliveryWindow } from "./format";

describe("formatDeliveryWindow", () => {
  it("names the day once when the window lies within one day (UTC)", () => {
    expect(formatDeliveryWindow({ from: "2030-05-03T09:00:00.000Z", to: "2030-05-03T12:30:00.000Z" })).toBe("Fri, May 3, 2030, 09:00–12:30 UTC");
  });
  it("gives both ends in full when the window spans days", () => {
    expect(formatDeliveryWindow({ from: "2030-05-03T22:00:00.000Z", to: "2030-05-04T06:00:00.000Z" })).toBe(
      "Fri, May 3, 2030, 22:00 UTC – Sat, May 4, 2030, 06:00 UTC",
    );
  });
  it("shows text it cannot read as it is", () => {
    expect(formatDeliveryWindow({ from: "soon", to: "later" })).toBe("soon – later");
  });
});

describe("countryName", () => {
  it("names ISO 3166-1 alpha-2 codes", () => {
    expect(countryName("US")).toBe("United States");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("??")).toBe("??");
  });
});
