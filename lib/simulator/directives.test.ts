import { describe, expect, it } from "vitest";
import { faultsFor, parseDirectives, stripDirectives } from "./directives";

describe("parseDirectives", () => {
  it.each([
    ["a cat", []],
    ["a cat [sim:fail]", [{ kind: "fail" }]],
    ["[SIM:Moderate] a cat", [{ kind: "moderate" }]],
    ["a [sim:429@bfl] cat", [{ kind: "429", protocol: "bfl" }]],
    ["[sim:slow=1500@fal]", [{ kind: "slow", value: 1500, protocol: "fal" }]],
    ["[sim:500][sim:503@openai] [sim:hang]", [{ kind: "500" }, { kind: "503", protocol: "openai" }, { kind: "hang" }]],
    ["[sim:dup-webhook] [sim:expire] [sim:poll-500@replicate]", [{ kind: "dup-webhook" }, { kind: "expire" }, { kind: "poll-500", protocol: "replicate" }]],
    ["[sim:explode] [sim:429@acme] [sim:slow] [sim:fail=3] sim:fail", []],
  ])("%j", (prompt, expected) => {
    expect(parseDirectives(prompt)).toEqual(expected);
  });
});

describe("stripDirectives", () => {
  it.each([
    ["a cat [sim:fail]", "a cat"],
    ["[sim:429@bfl] a  [sim:slow=10] cat", "a cat"],
    ["keeps [sim:unknown] tokens", "keeps [sim:unknown] tokens"],
    ["line one\nline two [sim:hang]", "line one\nline two"],
  ])("%j -> %j", (prompt, expected) => {
    expect(stripDirectives(prompt)).toBe(expected);
  });
});

describe("faultsFor", () => {
  it("applies protocol-scoped directives only to their protocol", () => {
    const prompt = "x [sim:429@bfl] [sim:moderate@fal] [sim:slow=700] [sim:poll-500]";
    expect(faultsFor(prompt, "bfl")).toMatchObject({ refuseWith: 429, moderate: false, slowMs: 700, poll500: true });
    expect(faultsFor(prompt, "fal")).toMatchObject({ refuseWith: null, moderate: true, slowMs: 700, poll500: true });
    expect(faultsFor(prompt, "openai")).toMatchObject({ refuseWith: null, moderate: false });
  });

  it("has no faults for a missing or non-string prompt", () => {
    for (const prompt of [undefined, 42, null]) {
      expect(faultsFor(prompt, "replicate")).toEqual({
        fail: false,
        moderate: false,
        refuseWith: null,
        hang: false,
        slowMs: null,
        dupWebhook: false,
        expire: false,
        poll500: false,
      });
    }
  });
});
