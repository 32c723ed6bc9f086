import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard/settings", "/dashboard/settings"],
    ["/dashboard/keys?new=1#top", "/dashboard/keys?new=1#top"],
    ["/admin?email=a%40b.co", "/admin?email=a%40b.co"],
  ])("keeps the same-origin path %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    "",
    ["/dashboard", "/admin"],
    "https://evil.example/dashboard",
    "//evil.example/dashboard",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "dashboard",
    "/sign-in",
    "/sign-up?callbackUrl=/sign-in",
    "/.//evil.com",
    "/a/..//evil.com/x",
    "/a/%2e%2e//evil.com/x",
    "/a/%2E%2E//evil.com",
    "/./\\evil.com",
    "/%2e//evil.com",
    "/a/.%2e//evil.com",
  ])("sends %j to the dashboard instead", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/dashboard");
  });
});
