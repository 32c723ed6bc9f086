import { createServer as createTlsServer } from "node:tls";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCallback } from "./deliver";
import { InvalidUrlError, type ResolveHost, safeFetch, SsrfBlockedError } from "./ssrf";
import { type LocalServer, startLocalServer } from "./test-servers";

const answers = (...addresses: string[]): ResolveHost => async () =>
  addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

let v4: LocalServer;
let v6: LocalServer;
let redirectTarget: LocalServer;
let redirector: LocalServer;

beforeAll(async () => {
  v4 = await startLocalServer((_req, res) => res.writeHead(200).end("ok"));
  v6 = await startLocalServer((_req, res) => res.writeHead(200).end("ok"), "::1");
  redirectTarget = await startLocalServer((_req, res) => res.writeHead(200).end("followed"));
  redirector = await startLocalServer((_req, res) => res.writeHead(302, { location: `${redirectTarget.origin}/stolen` }).end());
});

afterAll(async () => {
  await Promise.all([v4, v6, redirectTarget, redirector].map((server) => server.close()));
});

const deliver = (url: string, allowLoopback: boolean, resolveHost?: ResolveHost) =>
  deliverCallback({ url, body: "{}", headers: {}, allowLoopback, timeoutMs: 2000, resolveHost });

describe("SSRF guard", () => {
  // Each target except the metadata, private and CGNAT ones is a live loopback server, so a guard that
  // let the request through would show up in its request log.
  const blocked: [string, () => string, string, ResolveHost?][] = [
    ["127.0.0.1", () => `http://127.0.0.1:${v4.port}/hook`, "127.0.0.1"],
    ["10.0.0.1", () => "http://10.0.0.1/hook", "10.0.0.1"],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["[::1]", () => `http://[::1]:${v6.port}/hook`, "::1"],
    ["[::ffff:127.0.0.1]", () => `http://[::ffff:127.0.0.1]:${v4.port}/hook`, "::ffff:7f00:1"],
    ["0.0.0.0", () => `http://0.0.0.0:${v4.port}/hook`, "0.0.0.0"],
    ["decimal 2130706433", () => `http://2130706433:${v4.port}/hook`, "127.0.0.1"],
    ["hex 0x7f000001", () => `http://0x7f000001:${v4.port}/hook`, "127.0.0.1"],
    ["octal 0177.0.0.1", () => `http://0177.0.0.1:${v4.port}/hook`, "127.0.0.1"],
    ["100.64.0.1", () => "http://100.64.0.1/hook", "100.64.0.1"],
    ["localhost", () => `http://localhost:${v4.port}/hook`, "(localhost)"],
    ["a made-up name resolving to 127.0.0.1", () => `http://hooks.example.test:${v4.port}/`, "127.0.0.1", answers("127.0.0.1")],
    ["a public-looking name resolving to 10.0.0.1", () => "https://callbacks.example.com/hook", "10.0.0.1", answers("10.0.0.1")],
    ["a name with one public and one loopback answer", () => `http://mixed.example.com:${v4.port}/`, "127.0.0.1", answers("93.184.216.34", "127.0.0.1")],
  ];

  it.each(blocked)("never delivers to %s", async (_name, url, named, resolveHost) => {
    const outcome = await deliver(url(), false, resolveHost);
    expect(outcome).toMatchObject({ result: "blocked" });
    expect(outcome.statusCode).toBeUndefined();
    expect(outcome.error).toContain(named);
  });

  it("left every loopback server untouched", () => {
    expect(v4.received).toHaveLength(0);
    expect(v6.received).toHaveLength(0);
  });

  it("rejects with an SSRF_BLOCKED error naming the address", async () => {
    const failure = await safeFetch(`http://127.0.0.1:${v4.port}/`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    const cause = (failure as TypeError).cause;
    expect(cause).toBeInstanceOf(SsrfBlockedError);
    expect(cause).toMatchObject({ code: "SSRF_BLOCKED", address: "127.0.0.1", reason: "loopback" });
  });

  it.each(["ftp://example.com/", "file:///etc/passwd", "data:text/plain,hi", "not a url", "http://user:pass@example.com/"])(
    "refuses %s before any connection",
    async (url) => {
      await expect(safeFetch(url)).rejects.toBeInstanceOf(InvalidUrlError);
      expect(await deliver(url, true)).toMatchObject({ result: "invalid_url", latencyMs: 0 });
    },
  );

  it("does not follow a redirect from an allowed server to another loopback port", async () => {
    const outcome = await deliver(`${redirector.origin}/hook`, true);
    expect(outcome).toMatchObject({ result: "retry", statusCode: 302 });
    expect(outcome.error).toContain("redirects are not followed");
    expect(redirector.received).toHaveLength(1);
    expect(redirectTarget.received).toHaveLength(0);
  });
});

describe("allowLoopback", () => {
  it.each([
    ["127.0.0.1", () => `http://127.0.0.1:${v4.port}/dev`, () => v4],
    ["[::1]", () => `http://[::1]:${v6.port}/dev`, () => v6],
    ["localhost", () => `http://localhost:${v4.port}/dev`, () => v4],
  ])("reaches a local server at %s", async (_name, url, server) => {
    const before = server().received.length;
    expect(await deliver(url(), true)).toMatchObject({ result: "delivered", statusCode: 200 });
    expect(server().received.length).toBe(before + 1);
  });

  it("dials the vetted address while the Host header keeps the name", async () => {
    const outcome = await deliver(`http://hooks.example.test:${v4.port}/named`, true, answers("127.0.0.1"));
    expect(outcome.result).toBe("delivered");
    expect(v4.received.at(-1)).toMatchObject({ url: "/named", headers: { host: `hooks.example.test:${v4.port}` } });
  });

  it.each([
    ["10.0.0.1", "http://10.0.0.1/"],
    ["169.254.169.254", "http://169.254.169.254/"],
    ["0.0.0.0", "http://0.0.0.0/"],
    ["192.168.0.1 behind a name", "http://router.example.test/", answers("192.168.0.1")],
  ] as [string, string, ResolveHost?][])("still refuses %s", async (_name, url, resolveHost) => {
    expect(await deliver(url, true, resolveHost)).toMatchObject({ result: "blocked" });
  });

  it("keeps the hostname as the TLS server name when it dials an IP", async () => {
    const seen: string[] = [];
    const tls = createTlsServer({
      SNICallback: (servername, callback) => {
        seen.push(servername);
        callback(new Error("no certificate here"), undefined);
      },
    });
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const { port } = tls.address() as AddressInfo;
    try {
      const outcome = await deliver(`https://secure.example.test:${port}/`, true, answers("127.0.0.1"));
      expect(outcome.result).toBe("retry");
      expect(seen).toEqual(["secure.example.test"]);
    } finally {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });
});
