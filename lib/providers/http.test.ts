import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { closedPort, type ReplayServer, startReplayServer } from "./fixtures/replay-server";
import { joinUrl, requestJson, retryAfterSec, send, summariseError } from "./http";
import { UpstreamError } from "./types";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

const okBody = z.looseObject({ id: z.string() });

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  if (!(error instanceof UpstreamError)) throw error;
  return error;
}

function call(path: string, extra: Partial<Parameters<typeof send>[0]> = {}) {
  return requestJson({ upstream: "test", method: "GET", url: `${server.url}${path}`, ...extra }, okBody);
}

describe("requestJson status mapping", () => {
  it.each([
    [400, "rejected", true],
    [401, "auth", false],
    [402, "insufficient_funds", false],
    [403, "auth", false],
    [404, "rejected", true],
    [408, "unavailable", false],
    [422, "rejected", true],
    [429, "rate_limited", false],
    [500, "unavailable", false],
    [502, "unavailable", false],
    [503, "unavailable", false],
  ] as const)("%i -> %s", async (status, kind, notRetryable) => {
    server.route(`GET /status/${status}`, { status, body: { detail: `status ${status}` } });
    const error = await failure(call(`/status/${status}`));
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(!notRetryable);
    expect(error.options.httpStatus).toBe(status);
    expect(error.message).toBe(`test answered ${status}: status ${status}`);
  });

  it("passes Retry-After on 429 and 503", async () => {
    server.route("GET /slow-down", { status: 429, headers: { "retry-after": "12" }, body: {} });
    server.route("GET /maintenance", { status: 503, headers: { "retry-after": "30" }, body: {} });
    expect((await failure(call("/slow-down"))).options.retryAfterSec).toBe(12);
    expect((await failure(call("/maintenance"))).options.retryAfterSec).toBe(30);
  });

  it("returns the parsed body on 2xx and sends JSON with the caller's headers", async () => {
    server.route("POST /echo", { status: 201, body: { id: "abc", extra: true } });
    const body = await requestJson(
      { upstream: "test", method: "POST", url: `${server.url}/echo`, headers: { "x-key": "k1" }, json: { a: 1 } },
      okBody,
    );
    expect(body).toEqual({ id: "abc", extra: true });
    const sent = server.sole("POST /echo");
    expect(sent.headers["x-key"]).toBe("k1");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.body.toString()).toBe('{"a":1}');
  });

  it.each([
    ["not JSON", { raw: "<html>oops</html>" }, "test answered 200: body is not JSON"],
    ["the wrong shape", { body: { id: 5 } }, "test answered 200: unexpected body (id: "],
  ])("a 2xx with %s is invalid_response", async (_, reply, message) => {
    const path = `/bad-${message.length}`;
    server.route(`GET ${path}`, { status: 200, ...reply });
    const error = await failure(call(path));
    expect(error.kind).toBe("invalid_response");
    expect(error.message.startsWith(message)).toBe(true);
  });

  it("refuses a chunked body once it grows past maxBytes", async () => {
    server.route("GET /big-chunked", { raw: JSON.stringify({ id: "x".repeat(5000) }), headers: { "transfer-encoding": "chunked" } });
    const error = await failure(call("/big-chunked", { maxBytes: 1000 }));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toBe("test answered with more than 1000 bytes");
  });

  it("refuses a body over maxBytes", async () => {
    server.route("GET /big", { raw: JSON.stringify({ id: "x".repeat(5000) }) });
    const error = await failure(call("/big", { maxBytes: 1000 }));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toBe("test answered with more than 1000 bytes");
  });
});

describe("requestJson transport failures", () => {
  it("connection refused is unreachable", async () => {
    const port = await closedPort();
    const error = await failure(requestJson({ upstream: "test", method: "GET", url: `http://127.0.0.1:${port}/x` }, okBody));
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("test unreachable: ECONNREFUSED");
    expect(error.retryable).toBe(true);
  });

  it("an answer slower than timeoutMs is unreachable", async () => {
    server.route("GET /hang", { delayMs: 2000, body: { id: "late" } });
    const started = Date.now();
    const error = await failure(call("/hang", { timeoutMs: 100 }));
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("test did not answer within 100 ms");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("the caller's abort ends the request", async () => {
    server.route("GET /hang-too", { delayMs: 2000, body: { id: "late" } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(call("/hang-too", { signal: controller.signal }));
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe("test request aborted");
  });
});

describe("summariseError", () => {
  it.each([
    ['{"detail":[{"loc":["body","width"],"msg":"multiple of 16"},{"loc":["body","steps"],"msg":"<= 50"}]}', "width: multiple of 16; steps: <= 50"],
    ['{"detail":"Request was throttled."}', "Request was throttled."],
    ['{"error":{"message":"Bad size","type":"invalid_request_error"}}', "Bad size"],
    ['{"error":"nope"}', "nope"],
    ['{"message":"m"}', "m"],
    ['{"title":"Input validation failed"}', "Input validation failed"],
    ["plain   text\nhere", "plain text here"],
    ["", ""],
  ])("%s -> %s", (text, summary) => {
    expect(summariseError(text)).toBe(summary);
  });

  it("never passes more than 300 characters", () => {
    const summary = summariseError(JSON.stringify({ detail: "x".repeat(5000) }));
    expect(summary).toHaveLength(300);
    expect(summary.endsWith("…")).toBe(true);
  });
});

describe("retryAfterSec", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  it.each([
    ["7", 7],
    ["1.2", 2],
    ["Tue, 01 Dec 2026 12:00:30 GMT", 30],
    ["Tue, 01 Dec 2026 11:00:00 GMT", 0],
    ["soon", undefined],
  ])("%s -> %s", (value, seconds) => {
    expect(retryAfterSec(new Headers({ "retry-after": value }), now)).toBe(seconds);
  });

  it("is undefined without the header", () => {
    expect(retryAfterSec(new Headers(), now)).toBeUndefined();
  });
});

describe("joinUrl", () => {
  it.each([
    ["https://api.bfl.ai", "v1/flux-2-pro", "https://api.bfl.ai/v1/flux-2-pro"],
    ["https://api.bfl.ai/", "/v1/flux-2-pro", "https://api.bfl.ai/v1/flux-2-pro"],
    ["http://127.0.0.1:9/replicate/v1//", "models/a/b/predictions", "http://127.0.0.1:9/replicate/v1/models/a/b/predictions"],
  ])("%s + %s", (base, path, url) => {
    expect(joinUrl(base, path)).toBe(url);
  });
});
