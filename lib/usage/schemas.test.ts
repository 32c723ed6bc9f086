import { describe, expect, it } from "vitest";
import { parseUsageSearch, queryRange, usageHref, usageQuery } from "./schemas";

const now = new Date("2026-03-10T12:00:00Z");
const known = { models: new Set(["flux-2-pro-text-to-image-1k"]), keys: new Set(["key_a"]) };

describe("parseUsageSearch", () => {
  it("defaults to the last 30 days by model, unfiltered", () => {
    expect(parseUsageSearch({}, known, now)).toEqual({ range: { from: "2026-02-09", to: "2026-03-10" }, preset: 30, filters: {}, view: "model" });
  });

  it("keeps valid filters and drops unknown or malformed ones", () => {
    const search = parseUsageSearch(
      { range: "7", model: "flux-2-pro-text-to-image-1k", key: "key_a", source: "playground", mode: "test", view: "key" },
      known,
      now,
    );
    expect(search).toEqual({
      range: { from: "2026-03-04", to: "2026-03-10" },
      preset: 7,
      filters: { model: "flux-2-pro-text-to-image-1k", key: "key_a", source: "playground", mode: "test" },
      view: "key",
    });
    const dropped = parseUsageSearch({ range: "365", model: "nope", key: "key_other", source: "fax", mode: "both", view: "pie" }, known, now);
    expect(dropped).toEqual({ range: { from: "2026-02-09", to: "2026-03-10" }, preset: 30, filters: {}, view: "model" });
  });

  it("takes from/to up to 90 days and falls back to the preset otherwise", () => {
    expect(parseUsageSearch({ from: "2026-01-01", to: "2026-03-31" }, known, now)).toMatchObject({ range: { from: "2026-01-01", to: "2026-03-31" }, preset: null });
    expect(parseUsageSearch({ from: "2026-01-01", to: "2026-04-01", range: "7" }, known, now)).toMatchObject({ preset: 7 });
    expect(parseUsageSearch({ from: "2026-03-05", to: "2026-03-04" }, known, now)).toMatchObject({ preset: 30 });
    expect(parseUsageSearch({ from: ["2026-03-01", "x"], to: "2026-03-02" }, known, now)).toMatchObject({ range: { from: "2026-03-01", to: "2026-03-02" } });
  });
});

describe("usageHref", () => {
  const search = parseUsageSearch({ range: "7", model: "flux-2-pro-text-to-image-1k" }, known, now);
  it("writes only what differs from the defaults, and keeps the filters across range and view changes", () => {
    expect(usageHref(search)).toBe("/dashboard/usage?range=7&model=flux-2-pro-text-to-image-1k");
    expect(usageHref(search, { preset: 30 })).toBe("/dashboard/usage?model=flux-2-pro-text-to-image-1k");
    expect(usageHref(search, { view: "key" })).toBe("/dashboard/usage?range=7&model=flux-2-pro-text-to-image-1k&view=key");
    const custom = parseUsageSearch({ from: "2026-03-01", to: "2026-03-05" }, known, now);
    expect(usageHref(custom, { view: "key" })).toBe("/dashboard/usage?from=2026-03-01&to=2026-03-05&view=key");
    expect(usageHref(custom, { preset: 90 })).toBe("/dashboard/usage?range=90");
  });
});

describe("usageQuery", () => {
  it.each([
    [{ from: "2026-01-01", to: "2026-03-31" }, true],
    [{ from: "2026-01-01", to: "2026-04-01" }, false],
    [{ from: "2026-03-02", to: "2026-03-01" }, false],
    [{ from: "2026-02-30" }, false],
    [{ source: "playground", mode: "live" }, true],
    [{ source: "fax" }, false],
    [{ mode: "both" }, false],
  ])("%o valid: %s", (query, valid) => {
    expect(usageQuery.safeParse(query).success).toBe(valid);
  });

  it("defaults to the 30 days ending today, or ending on `to`", () => {
    expect(queryRange({}, now)).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(queryRange({ to: "2026-01-30" }, now)).toEqual({ from: "2026-01-01", to: "2026-01-30" });
  });
});
