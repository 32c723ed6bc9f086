import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

describe("clientAddress", () => {
  it.each([
    // [peer, X-Forwarded-For, trusted proxies, expected]
    ["203.0.113.7", undefined, 0, "203.0.113.7"],
    ["203.0.113.7", "1.2.3.4", 0, "203.0.113.7"],
    ["203.0.113.7", "1.2.3.4, 5.6.7.8", 0, "203.0.113.7"],
    ["::ffff:203.0.113.7", undefined, 0, "203.0.113.7"],
    ["2001:DB8::1", undefined, 0, "2001:db8::1"],
    ["10.0.0.2", "198.51.100.9", 1, "198.51.100.9"],
    // The client wrote the first entry itself; the proxy appended the real one.
    ["10.0.0.2", "6.6.6.6, 198.51.100.9", 1, "198.51.100.9"],
    ["10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2", 2, "198.51.100.9"],
    // Fewer hops than configured: the leftmost address there is.
    ["10.0.0.2", undefined, 2, "10.0.0.2"],
    ["10.0.0.2", "198.51.100.9", 3, "198.51.100.9"],
    ["10.0.0.2", "not-an-address", 1, "unknown"],
    [undefined, "198.51.100.9", 0, "unknown"],
    ["", undefined, 0, "unknown"],
  ])("peer %s, X-Forwarded-For %s, %i trusted: %s", (peer, forwarded, trusted, expected) => {
    const headers = new Headers();
    if (peer !== undefined) headers.set(PEER_HEADER, peer);
    if (forwarded !== undefined) headers.set("x-forwarded-for", forwarded);
    expect(clientAddress(headers, trusted)).toBe(expected);
  });

  it("reads Node-style header records too", () => {
    expect(clientAddress({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": ["1.1.1.1"] })).toBe("203.0.113.7");
  });

  it("50 rotating X-Forwarded-For values from one socket are one address", () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => clientAddress(new Headers({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": `10.1.0.${i}` }), 0)));
    expect([...seen]).toEqual(["198.51.100.4"]);
  });
});
