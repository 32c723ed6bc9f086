import { describe, expect, it } from "vitest";
import { createKeyForm, rollKeyForm } from "./schemas";

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
