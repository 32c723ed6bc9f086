import { describe, expect, it } from "vitest";
import { adapterFor, adapters } from "./adapters";
import { upstreamProtocols } from "./types";

describe("adapters", () => {
  it.each(upstreamProtocols)("%s has the adapter that speaks it", (protocol) => {
    expect(adapterFor(protocol).protocol).toBe(protocol);
    expect(adapters[protocol]).toBe(adapterFor(protocol));
  });

  it("covers exactly the protocols in the contract", () => {
    expect(Object.keys(adapters).sort()).toEqual([...upstreamProtocols].sort());
  });
});
