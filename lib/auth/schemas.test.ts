import { describe, expect, it } from "vitest";
import { z } from "zod";
import { balanceAdjustmentInput, signInInput, signUpInput, spendCapsInput } from "./schemas";

const fieldErrors = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);

describe("signUpInput", () => {
  it("normalizes the email and drops an empty name", () => {
    expect(signUpInput.parse({ email: "  Ada@Example.COM ", password: "correct horse", name: "  " })).toEqual({
      email: "ada@example.com",
      password: "correct horse",
      name: undefined,
    });
    expect(signUpInput.parse({ email: "a@b.co", password: "correct horse", name: " Ada " }).name).toBe("Ada");
  });

  it.each([
    ["too short", "short", "Use at least 10 characters"],
    ["too long", "x".repeat(100) + "y".repeat(29), "Use at most 128 characters"],
    ["all one character", "aaaaaaaaaaaa", "Use more than one distinct character"],
    ["the email itself", "ada@example.com", "Your password can't be your email address"],
    ["the email in other case", " ADA@example.com ", "Your password can't be your email address"],
  ])("refuses a password that is %s", (_, password, message) => {
    const result = signUpInput.safeParse({ email: "ada@example.com", password });
    expect(result.success).toBe(false);
    expect(fieldErrors(result).password).toEqual([message]);
  });

  it("accepts the boundaries: 10 and 128 characters", () => {
    expect(signUpInput.safeParse({ email: "a@b.co", password: "ab".repeat(5) }).success).toBe(true);
    expect(signUpInput.safeParse({ email: "a@b.co", password: "ab".repeat(64) }).success).toBe(true);
  });

  it("explains a bad email and a missing password by field", () => {
    const result = signUpInput.safeParse({ email: "not-an-email" });
    expect(fieldErrors(result)).toEqual({
      email: ["Enter a valid email address, like you@example.com"],
      password: ["Choose a password"],
    });
  });
});

describe("signInInput", () => {
  it("does not apply the sign-up rules, but caps the length", () => {
    expect(signInInput.safeParse({ email: "a@b.co", password: "short" }).success).toBe(true);
    expect(fieldErrors(signInInput.safeParse({ email: "a@b.co", password: "x".repeat(129) })).password).toEqual([
      "That password is too long",
    ]);
  });
});

describe("spendCapsInput", () => {
  it.each([
    [{ dailyUsd: "", monthlyUsd: "" }, { dailyMicros: null, monthlyMicros: null }],
    [{ dailyUsd: "5", monthlyUsd: "" }, { dailyMicros: 5_000_000, monthlyMicros: null }],
    [{ dailyUsd: " $12.50 ", monthlyUsd: "1,000" }, { dailyMicros: 12_500_000, monthlyMicros: 1_000_000_000 }],
    [{ dailyUsd: "0.01", monthlyUsd: "0.01" }, { dailyMicros: 10_000, monthlyMicros: 10_000 }],
  ])("parses %j", (input, caps) => {
    expect(spendCapsInput.parse(input)).toEqual(caps);
  });

  // The messages of item 7: each names the rule and, for the maximum, the limit itself.
  it.each([
    ["-5", "A cap cannot be negative"],
    ["-$5", "A cap cannot be negative"],
    ["1000001", "At most $1,000,000.00"],
    ["1,000,000.01", "At most $1,000,000.00"],
    ["99999999999999999999", "At most $1,000,000.00"],
    ["abc", "Enter a dollar amount such as 5 or 2.50"],
    ["5.", "Enter a dollar amount such as 5 or 2.50"],
    ["1.234", "Use at most cents (2 decimals)"],
    ["0.005", "Use at most cents (2 decimals)"],
    ["0", "Use at least $0.01, or leave it empty for no cap"],
  ])("refuses a daily cap of %j: %s", (dailyUsd, message) => {
    expect(fieldErrors(spendCapsInput.safeParse({ dailyUsd, monthlyUsd: "" }))).toEqual({ dailyUsd: [message] });
    expect(fieldErrors(spendCapsInput.safeParse({ dailyUsd: "", monthlyUsd: dailyUsd }))).toEqual({ monthlyUsd: [message] });
  });

  it("accepts the limit itself", () => {
    expect(spendCapsInput.parse({ dailyUsd: "1000000", monthlyUsd: "$1,000,000.00" })).toEqual({
      dailyMicros: 1_000_000_000_000,
      monthlyMicros: 1_000_000_000_000,
    });
  });

  it("checks the monthly cap against the daily one", () => {
    expect(fieldErrors(spendCapsInput.safeParse({ dailyUsd: "10", monthlyUsd: "5" }))).toEqual({
      monthlyUsd: ["Make the monthly cap at least as large as the daily cap"],
    });
  });
});

describe("balanceAdjustmentInput", () => {
  it.each([
    ["10", 10_000_000],
    ["+2.5", 2_500_000],
    ["-2.50", -2_500_000],
    ["-$0.000001", -1],
  ])("reads %s as %i micro-USD", (amountUsd, micros) => {
    expect(balanceAdjustmentInput.parse({ accountId: "acct_x", amountUsd, reason: "support" }).amountUsd).toBe(micros);
  });

  it("refuses zero, junk and a missing reason", () => {
    expect(fieldErrors(balanceAdjustmentInput.safeParse({ accountId: "acct_x", amountUsd: "-0", reason: "" }))).toEqual({
      amountUsd: ["The amount can't be zero"],
      reason: ["Give a reason of at least 3 characters"],
    });
    expect(fieldErrors(balanceAdjustmentInput.safeParse({ accountId: "acct_x", amountUsd: "1e3", reason: "why" }))).toEqual({
      amountUsd: ["Enter a dollar amount, like 10 or -2.50"],
    });
  });
});
