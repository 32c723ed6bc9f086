import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [999.4, "999 ms"],
    [1000, "1.0 s"],
    [3240, "3.2 s"],
    [59_940, "59.9 s"],
    [59_950, "1 min 0 s"],
    [65_000, "1 min 5 s"],
    [600_000, "10 min 0 s"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
