import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

const now = new Date("2026-12-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120],
    [" 30 ", 30],
    ["0", 0],
    ["Tue, 01 Dec 2026 12:01:30 GMT", 90],
    ["Tue, 01 Dec 2026 12:00:00 GMT", 0],
    ["Tue, 01 Dec 2026 11:00:00 GMT", 0],
    [null, undefined],
    [undefined, undefined],
    ["", undefined],
    ["soon", undefined],
    ["-5", undefined],
    ["1.5", undefined],
    ["Sunday, 01-Dec-26 12:00:10 GMT", 10],
    ["Tue Dec  1 12:00:20 2026", 20],
  ])("reads %j as %j seconds", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
