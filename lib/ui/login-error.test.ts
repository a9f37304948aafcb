import { describe, expect, it } from "vitest";
import { loginErrorMessage } from "./login-error.ts";

describe("login error message", () => {
  it("tells a rate-limited visitor how many minutes to wait, rounded up", () => {
    expect(loginErrorMessage("LoginRateLimited:900")).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    expect(loginErrorMessage("LoginRateLimited:30")).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(loginErrorMessage("LoginRateLimited:61")).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
  });

  it("keeps wrong credentials and other failures apart", () => {
    expect(loginErrorMessage("CredentialsSignin", 401)).toBe("Invalid email or password");
    expect(loginErrorMessage(null, 401)).toBe("Invalid email or password");
    expect(loginErrorMessage("Something else", 500)).toBe("Signing in failed. Please try again.");
  });
});
