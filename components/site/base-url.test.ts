import { describe, expect, it } from "vitest";
import { baseUrlFromHeaders } from "./base-url";

const fallback = "http://localhost:3000";

describe("baseUrlFromHeaders", () => {
  it.each([
    ["the Host header, over http", { host: "localhost:3100" }, "http://localhost:3100"],
    ["https when the proxy says so", { host: "gw.example.com", "x-forwarded-proto": "https" }, "https://gw.example.com"],
    ["the first protocol of a proxy chain", { host: "gw.example.com", "x-forwarded-proto": "https, http" }, "https://gw.example.com"],
    ["the forwarded host over the proxy's own", { host: "127.0.0.1:3000", "x-forwarded-host": "images.example.org" }, "http://images.example.org"],
    ["an IPv6 literal with a port", { host: "[::1]:3000" }, "http://[::1]:3000"],
    ["a host in lower case", { host: "GW.Example.COM" }, "http://gw.example.com"],
    ["http for an unknown protocol", { host: "gw.example.com", "x-forwarded-proto": "gopher" }, "http://gw.example.com"],
    ["the Host when the forwarded host is not a host", { host: "gw.example.com", "x-forwarded-host": "evil.com/$(id)" }, "http://gw.example.com"],
    ["the fallback for a host with shell characters", { host: "a.com';touch${IFS}x'" }, fallback],
    ["the fallback for a host with a path", { host: "a.com/b" }, fallback],
    ["the fallback without any host", {}, fallback],
  ])("uses %s", (_, headers, expected) => {
    expect(baseUrlFromHeaders(new Headers(headers), undefined, fallback)).toBe(expected);
  });

  it("prefers PUBLIC_URL, without its trailing slash, over anything the request says", () => {
    const headers = new Headers({ host: "localhost:3100", "x-forwarded-proto": "http" });
    expect(baseUrlFromHeaders(headers, "https://lumigate.example.com/", fallback)).toBe("https://lumigate.example.com");
  });
});
