import { describe, expect, it } from "vitest";
import { z } from "zod";
import { spendCapsInput } from "@/lib/auth/schemas";
import { createKeyForm } from "@/lib/keys/schemas";
import { schemaFieldErrors } from "./field";

// The server action answers z.flattenError's field errors (lib/auth/action.ts); the browser must say the same.
const actionFieldErrors = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("schemaFieldErrors", () => {
  it.each([
    [spendCapsInput, { dailyUsd: "-5", monthlyUsd: "abc" }],
    [spendCapsInput, { dailyUsd: "10", monthlyUsd: "5" }],
    [createKeyForm, { name: "", mode: "live", scopes: [], expiresAt: null, ratePer10s: "1001", dailyCapUsd: "1.234" }],
  ])("gives the server action's messages for %#", (schema, input) => {
    const browser = schemaFieldErrors(schema, input);
    expect(Object.keys(browser).length).toBeGreaterThan(0);
    expect(browser).toEqual(actionFieldErrors(schema, input));
  });

  it("is empty for valid input", () => {
    expect(schemaFieldErrors(spendCapsInput, { dailyUsd: "5", monthlyUsd: "" })).toEqual({});
  });
});
