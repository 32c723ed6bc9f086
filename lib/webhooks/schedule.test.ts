import { describe, expect, it } from "vitest";
import { MAX_CALLBACK_ATTEMPTS, nextAttemptDelayMs } from "./schedule";

const noJitter = () => 0.5;
const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe("nextAttemptDelayMs", () => {
  it.each([
    [0, 0],
    [1, 5 * s],
    [2, 5 * min],
    [3, 30 * min],
    [4, 2 * h],
    [5, 5 * h],
    [6, 10 * h],
    [7, 10 * h],
    [8, null],
    [9, null],
  ])("after %i attempts waits %s ms", (attempt, expected) => {
    expect(nextAttemptDelayMs(attempt, undefined, noJitter)).toBe(expected);
  });

  it("allows eight attempts in all", () => {
    expect(MAX_CALLBACK_ATTEMPTS).toBe(8);
    expect(nextAttemptDelayMs(MAX_CALLBACK_ATTEMPTS - 1, undefined, noJitter)).not.toBeNull();
    expect(nextAttemptDelayMs(MAX_CALLBACK_ATTEMPTS, undefined, noJitter)).toBeNull();
  });

  it.each([
    [0, 2 * h * 0.9],
    [0.25, 2 * h * 0.95],
    [0.75, 2 * h * 1.05],
    [0.999999, 2 * h * 1.1],
  ])("jitters within ±10 %% (random %s)", (random, expected) => {
    expect(nextAttemptDelayMs(4, undefined, () => random)).toBeCloseTo(expected, -1);
  });

  it("spreads retries of one outage", () => {
    const delays = new Set(Array.from({ length: 50 }, () => nextAttemptDelayMs(3)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(27 * min);
      expect(delay).toBeLessThanOrEqual(33 * min);
    }
  });

  // random 0 is the earliest jitter: 10 % sooner than the schedule.
  it.each([
    ["a longer Retry-After wins", 1, 60, 60 * s],
    ["a shorter Retry-After changes nothing", 2, 10, 0.9 * 5 * min],
    ["Retry-After is capped at 10 h", 1, 7 * 24 * 3600, 10 * h],
    ["a zero Retry-After changes nothing", 1, 0, 0.9 * 5 * s],
    ["jitter never goes below Retry-After", 1, 5, 5 * s],
    ["fractional seconds count", 1, 5.5, 5.5 * s],
  ])("%s", (_name, attempt, retryAfterSec, expected) => {
    expect(nextAttemptDelayMs(attempt, retryAfterSec, () => 0)).toBe(expected);
  });

  it("gives up after the last attempt whatever Retry-After says", () => {
    expect(nextAttemptDelayMs(8, 60, noJitter)).toBeNull();
  });

  it.each([-1, 1.5, Number.NaN])("refuses attempt %s", (attempt) => {
    expect(() => nextAttemptDelayMs(attempt)).toThrow(RangeError);
  });
});
