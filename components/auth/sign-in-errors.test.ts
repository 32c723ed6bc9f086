import { describe, expect, it } from "vitest";
import { signInErrorFromResult, signInErrorFromUrl } from "./sign-in-errors";

describe("sign-in error messages", () => {
  it("explain next-auth's codes", () => {
    expect(signInErrorFromUrl("Verification")).toBe("That sign-in link has expired or was already used. Ask for a new one.");
    expect(signInErrorFromResult("CredentialsSignin")).toMatch(/don't match an account/);
  });

  it("never show text from a URL, which anyone can write", () => {
    expect(signInErrorFromUrl("Call +1 555 0100 to unlock your account")).toBe("Sign-in didn't work. Try again.");
  });

  it("show our own server's messages, such as the rate limit", () => {
    const message = "Too many sign-in attempts, try again in 7 minutes";
    expect(signInErrorFromResult(message)).toBe(message);
    expect(signInErrorFromResult(null)).toBe("Sign-in didn't work. Try again.");
  });
});
