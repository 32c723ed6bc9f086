import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const now = Date.UTC(2026, 10, 21, 12);
const minute = 60_000;

describe("relativeTime", () => {
  it.each([
    [0, "just now"],
    [-30_000, "just now"],
    [-5 * minute, "5 minutes ago"],
    [-90 * minute, "1 hour ago"],
    [-26 * 60 * minute, "yesterday"],
    [12 * 60 * minute, "in 12 hours"],
    [24 * 60 * minute - minute, "tomorrow"],
    [2 * 24 * 60 * minute + minute, "in 2 days"],
    [3 * 24 * 60 * minute - 5 * minute, "in 3 days"],
    [-40 * 24 * 60 * minute, "last month"],
    [400 * 24 * 60 * minute, "next year"],
  ])("%i ms -> %s", (offset, text) => {
    expect(relativeTime(new Date(now + offset), now)).toBe(text);
  });
});
