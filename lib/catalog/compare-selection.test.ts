import { describe, expect, it } from "vitest";
import { addToSelection, compareHref, compareLimitMessage, parseModelsParam, parseSelection, playgroundHref } from "./compare-selection";

const item = (slug: string) => ({ slug, name: slug.toUpperCase() });

describe("parseSelection", () => {
  it.each([
    ["nothing stored", null],
    ["not JSON", "{oops"],
    ["not a list", '{"slug":"a"}'],
  ])("reads %s as empty", (_, raw) => {
    expect(parseSelection(raw)).toEqual([]);
  });

  it("keeps valid entries once each, up to four, and names a nameless one by its slug", () => {
    const raw = JSON.stringify([item("a"), { slug: "b" }, item("a"), { slug: "Bad Slug" }, 7, item("c"), item("d"), item("e")]);
    expect(parseSelection(raw)).toEqual([item("a"), { slug: "b", name: "b" }, item("c"), item("d")]);
  });
});

describe("addToSelection", () => {
  it("appends a new variant and leaves one already selected where it is", () => {
    expect(addToSelection([item("a")], item("b"))).toEqual({ ok: true, items: [item("a"), item("b")] });
    expect(addToSelection([item("a"), item("b")], item("a"))).toEqual({ ok: true, items: [item("a"), item("b")] });
  });

  it("refuses a fifth with the message to show", () => {
    const full = ["a", "b", "c", "d"].map(item);
    expect(addToSelection(full, item("e"))).toEqual({ ok: false, message: compareLimitMessage });
    expect(compareLimitMessage).toBe("Compare takes up to 4 models");
  });
});

describe("parseModelsParam", () => {
  it.each<[string | string[] | undefined, string[]]>([
    [undefined, []],
    ["", []],
    [" a , b,,a ", ["a", "b"]],
    [["a,b", "c"], ["a", "b"]],
    ["1,2,3,4,5,6,7,8,9,10", ["1", "2", "3", "4", "5", "6", "7", "8"]],
  ])("reads %j", (raw, expected) => {
    expect(parseModelsParam(raw)).toEqual(expected);
  });
});

describe("links", () => {
  it("builds the compare and playground URLs", () => {
    expect(compareHref([])).toBe("/models/compare");
    expect(compareHref(["a", "gpt-image-1.5-text-to-image-high"])).toBe("/models/compare?models=a,gpt-image-1.5-text-to-image-high");
    expect(playgroundHref(["a", "b"])).toBe("/playground?models=a,b");
  });
});
