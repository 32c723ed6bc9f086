import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSignInAllowed, clientIp } from "./rate-limit";

describe("clientIp", () => {
  it.each([
    ["203.0.113.7, 10.0.0.1", "203.0.113.7"],
    [" 2001:db8::1 ", "2001:db8::1"],
    ["", "local"],
    [null, "local"],
  ])("reads %j as %s", (header, ip) => {
    expect(clientIp(header)).toBe(ip);
  });
});

describe("assertSignInAllowed", () => {
  it("allows 10 attempts per email in 10 minutes, then names the wait in minutes", async () => {
    const email = `limit-${randomUUID()}@example.com`;
    for (let i = 0; i < 10; i++) await assertSignInAllowed(i % 2 ? email.toUpperCase() : email, `ip-${randomUUID()}`);
    const refusal = await assertSignInAllowed(email, `ip-${randomUUID()}`).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("rate_limited");
    expect((refusal as AppError).message).toBe("Too many sign-in attempts, try again in 10 minutes");
  });

  it("allows 30 attempts per address across emails, and other addresses are unaffected", async () => {
    const ip = `ip-${randomUUID()}`;
    for (let i = 0; i < 30; i++) await assertSignInAllowed(`${randomUUID()}@example.com`, ip);
    await expect(assertSignInAllowed(`${randomUUID()}@example.com`, ip)).rejects.toThrow(/Too many sign-in attempts/);
    await expect(assertSignInAllowed(`${randomUUID()}@example.com`, `ip-${randomUUID()}`)).resolves.toBeUndefined();
  });
});
