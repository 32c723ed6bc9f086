import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertMagicLinkAllowed, assertSignUpAllowed, limitPasswordSignIn, signInDelayMs } from "./rate-limit";

const wrong = () => Promise.resolve(null);
const right = () => Promise.resolve({ id: "usr_1" });
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

describe("limitPasswordSignIn", () => {
  it("does not lock out the real user who signs in correctly from another address after 50 failures by others", async () => {
    const email = `victim-${randomUUID()}@example.com`;
    const waits: number[] = [];
    const wait = (ms: number) => Promise.resolve(void waits.push(ms));
    for (let i = 0; i < 50; i++) await limitPasswordSignIn(i % 2 ? email.toUpperCase() : email, address(), wrong, wait);
    expect(await limitPasswordSignIn(email, address(), right, wait)).toEqual({ id: "usr_1" });
    // Slowed, not refused: the delays grew, then stopped at the cap.
    expect(waits.slice(0, 3)).toEqual([250, 500, 1000]);
    expect(Math.max(...waits)).toBe(8_000);
  });

  it("refuses an address after 5 failures on one email, and only that address", async () => {
    const email = `pair-${randomUUID()}@example.com`;
    const mine = address();
    for (let i = 0; i < 5; i++) await limitPasswordSignIn(email, mine, wrong);
    const refusal = await limitPasswordSignIn(email, mine, right).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe("Too many failed sign-ins from this network, try again in 15 minutes");
    expect(await limitPasswordSignIn(email, address(), right)).toEqual({ id: "usr_1" });
  });

  it("counts only failures: successful sign-ins never use up the limit", async () => {
    const email = `often-${randomUUID()}@example.com`;
    const mine = address();
    for (let i = 0; i < 40; i++) expect(await limitPasswordSignIn(email, mine, right)).not.toBeNull();
  });

  it("a success clears that address's failures on the email", async () => {
    const email = `typo-${randomUUID()}@example.com`;
    const mine = address();
    for (let i = 0; i < 4; i++) await limitPasswordSignIn(email, mine, wrong);
    await limitPasswordSignIn(email, mine, right);
    for (let i = 0; i < 4; i++) await limitPasswordSignIn(email, mine, wrong);
    expect(await limitPasswordSignIn(email, mine, right)).not.toBeNull();
  });

  it("refuses an address after 30 failures across emails", async () => {
    const mine = address();
    for (let i = 0; i < 30; i++) await limitPasswordSignIn(`${randomUUID()}@example.com`, mine, wrong);
    await expect(limitPasswordSignIn(`${randomUUID()}@example.com`, mine, right)).rejects.toThrow(/Too many failed sign-ins/);
  });

  it.each([
    [0, 0],
    [9, 0],
    [10, 250],
    [12, 1000],
    [40, 8000],
  ])("waits after %i failures: %i ms", (failures, ms) => {
    expect(signInDelayMs(failures)).toBe(ms);
  });
});

describe("assertMagicLinkAllowed", () => {
  it("allows 5 links per inbox in 15 minutes", async () => {
    const email = `link-${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++) await assertMagicLinkAllowed(email, address());
    await expect(assertMagicLinkAllowed(email, address())).rejects.toThrow("Too many sign-in links requested, try again in 15 minutes");
  });
});

describe("limitPasswordSignIn under parallel attempts", () => {
  it("lets no more than 5 parallel wrong guesses on one email from one address reach the password check", async () => {
    const email = `burst-${randomUUID()}@example.com`;
    const mine = address();
    let checked = 0;
    const slowWrong = async () => {
      checked++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return null;
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => limitPasswordSignIn(email, mine, slowWrong)));
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(35);
  });
});

describe("assertSignUpAllowed", () => {
  it("allows SIGNUPS_PER_ADDRESS_PER_HOUR sign-ups from one address, then refuses it and only it", async () => {
    const mine = address();
    for (let i = 0; i < env.SIGNUPS_PER_ADDRESS_PER_HOUR; i++) await assertSignUpAllowed(mine);
    const refusal = await assertSignUpAllowed(mine).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe("Too many sign-ups from this network, try again in 60 minutes");
    await expect(assertSignUpAllowed(address())).resolves.toBeUndefined();
  });
});
