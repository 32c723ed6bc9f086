import { describe, expect, it } from "vitest";
import { keyFromRequest } from "./request";

const request = (headers: Record<string, string>) => new Request("http://localhost/api/v1/x", { headers });

describe("keyFromRequest", () => {
  it.each([
    [{ authorization: "Bearer lg_live_abc" }, "lg_live_abc"],
    [{ authorization: "bearer   lg_live_abc  " }, "lg_live_abc"],
    [{ "x-api-key": "lg_test_abc" }, "lg_test_abc"],
    [{ "x-api-key": "  lg_test_abc " }, "lg_test_abc"],
    [{ authorization: "Bearer lg_live_one", "x-api-key": "lg_live_two" }, "lg_live_one"],
    [{ authorization: "Basic dXNlcjpwYXNz", "x-api-key": "lg_live_two" }, "lg_live_two"],
    [{ authorization: "Basic dXNlcjpwYXNz" }, null],
    [{ authorization: "Bearer" }, null],
    [{ authorization: "Bearer two words" }, null],
    [{ "x-api-key": "  " }, null],
    [{ cookie: "next-auth.session-token=abc" }, null],
    [{}, null],
  ])("%j -> %j", (headers, expected) => {
    expect(keyFromRequest(request(headers))).toBe(expected);
  });
});
