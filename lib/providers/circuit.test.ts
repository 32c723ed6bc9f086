import { beforeEach, describe, expect, it } from "vitest";
import { allowRequest, circuitState, recordFailure, recordSuccess, resetCircuits } from "./circuit";

describe("circuit breaker", () => {
  beforeEach(() => resetCircuits());

  it("opens after 5 consecutive failures, lets one probe through after 30 s, and closes on its success", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) recordFailure("bfl", t0);
    expect(allowRequest("bfl", t0)).toBe(true);
    recordFailure("bfl", t0);
    expect(circuitState("bfl", t0)).toBe("open");
    expect(allowRequest("bfl", t0 + 29_999)).toBe(false);
    expect(allowRequest("bfl", t0 + 30_000)).toBe(true);
    expect(allowRequest("bfl", t0 + 30_001)).toBe(false);
    recordSuccess("bfl");
    expect(circuitState("bfl", t0 + 30_002)).toBe("closed");
    expect(allowRequest("bfl", t0 + 30_002)).toBe(true);
  });

  it("a failed probe opens it again for another 30 s; one upstream's failures leave others alone", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 5; i++) recordFailure("fal", t0);
    expect(allowRequest("fal", t0 + 30_000)).toBe(true);
    recordFailure("fal", t0 + 30_000);
    expect(allowRequest("fal", t0 + 59_999)).toBe(false);
    expect(allowRequest("replicate", t0)).toBe(true);
  });

  it("a success between failures resets the count", () => {
    for (let i = 0; i < 4; i++) recordFailure("openai");
    recordSuccess("openai");
    for (let i = 0; i < 4; i++) recordFailure("openai");
    expect(circuitState("openai")).toBe("closed");
  });
});
