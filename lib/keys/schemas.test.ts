import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createKeyForm, rollKeyForm, updateKeyForm, updateKeyInput } from "./schemas";

const valid = { name: " Server ", mode: "live", scopes: ["read"], expiresAt: null, ratePer10s: "", dailyCapUsd: "" };

describe("createKeyForm", () => {
  it("reads blanks as none and trims the name", () => {
    expect(createKeyForm.parse(valid)).toEqual({
      name: "Server",
      mode: "live",
      scopes: ["read"],
      expiresAt: null,
      ratePer10s: null,
      dailyCapUsd: null,
    });
  });

  it("turns the optional fields into a date, a whole number and micros", () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    expect(createKeyForm.parse({ ...valid, expiresAt, ratePer10s: "50", dailyCapUsd: "$2.50" })).toMatchObject({
      expiresAt: new Date(expiresAt),
      ratePer10s: 50,
      dailyCapUsd: 2_500_000,
    });
  });

  it.each([
    [{ name: "  " }, "name"],
    [{ mode: "prod" }, "mode"],
    [{ scopes: [] }, "scopes"],
    [{ scopes: ["admin"] }, "scopes"],
    [{ expiresAt: "tomorrow" }, "expiresAt"],
    [{ expiresAt: new Date(Date.now() - 1000).toISOString() }, "expiresAt"],
    [{ ratePer10s: "0" }, "ratePer10s"],
    [{ ratePer10s: "2.5" }, "ratePer10s"],
    [{ ratePer10s: "lots" }, "ratePer10s"],
    [{ ratePer10s: "1001" }, "ratePer10s"],
    [{ dailyCapUsd: "0" }, "dailyCapUsd"],
    [{ dailyCapUsd: "-5" }, "dailyCapUsd"],
    [{ dailyCapUsd: "1.0000001" }, "dailyCapUsd"],
  ])("refuses %j", (override, field) => {
    const result = createKeyForm.safeParse({ ...valid, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });
});

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

// The same schema checks the create and edit dialogs in the browser and in their server actions.
describe.each([
  ["createKeyForm", createKeyForm, valid],
  ["updateKeyForm", updateKeyForm, { ...valid, keyId: "key_x", mode: undefined }],
] as const)("%s messages", (_, schema, base) => {
  it.each([
    ["-5", "A cap cannot be negative"],
    ["1000001", "At most $1,000,000.00"],
    ["abc", "Enter a dollar amount such as 5 or 2.50"],
    ["1.234", "Use at most cents (2 decimals)"],
    ["0", "Use at least $0.01, or leave it empty for no cap"],
  ])("a daily cap of %j: %s", (dailyCapUsd, message) => {
    expect(messages(schema, { ...base, dailyCapUsd })).toEqual({ dailyCapUsd: [message] });
  });

  it.each([
    ["-5", "A rate limit cannot be negative"],
    ["1001", "At most 1,000 requests per 10 s"],
    ["abc", "Enter a whole number of requests, such as 20"],
    ["2.5", "Enter a whole number of requests, such as 20"],
    ["0", "At least 1 request per 10 s"],
  ])("a rate limit of %j: %s", (ratePer10s, message) => {
    expect(messages(schema, { ...base, ratePer10s })).toEqual({ ratePer10s: [message] });
  });

  it("takes the limits themselves", () => {
    expect(schema.parse({ ...base, ratePer10s: "1,000", dailyCapUsd: "$1,000,000" })).toMatchObject({
      ratePer10s: 1000,
      dailyCapUsd: 1_000_000_000_000,
    });
  });
});

describe("updateKeyForm", () => {
  const edit = { keyId: "key_x", name: "prod", scopes: ["read"], ratePer10s: "", dailyCapUsd: "" };

  it("keeps an expiry left out, and clears a blank one", () => {
    expect(updateKeyForm.parse(edit)).not.toHaveProperty("expiresAt");
    expect(updateKeyForm.parse({ ...edit, expiresAt: null }).expiresAt).toBeNull();
    expect(updateKeyForm.parse({ ...edit, expiresAt: "" }).expiresAt).toBeNull();
  });

  it("reads blank limits as cleared", () => {
    expect(updateKeyForm.parse(edit)).toMatchObject({ ratePer10s: null, dailyCapUsd: null });
  });
});

describe("updateKeyInput", () => {
  it("leaves out what is not changing and refuses a mode", () => {
    expect(updateKeyInput.parse({ name: " new " })).toEqual({ name: "new" });
    expect(updateKeyInput.parse({ ratePer10s: null, dailyCapMicros: null })).toEqual({ ratePer10s: null, dailyCapMicros: null });
    expect(updateKeyInput.parse({ mode: "test" })).toEqual({});
  });
});

describe("rollKeyForm", () => {
  it.each([
    [{ keyId: "key_x", graceDays: "0" }, true],
    [{ keyId: "key_x", graceDays: 7 }, true],
    [{ keyId: "key_x", graceDays: 8 }, false],
    [{ keyId: "key_x", graceDays: "-1" }, false],
    [{ keyId: "", graceDays: 1 }, false],
  ])("%j valid: %s", (input, ok) => {
    expect(rollKeyForm.safeParse(input).success).toBe(ok);
  });
});
