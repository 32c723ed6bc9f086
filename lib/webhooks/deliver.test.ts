import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { deliverCallback } from "./deliver";
import { newSigningSecret, signCallback } from "./sign";
import { type LocalServer, startLocalServer } from "./test-servers";

const servers: { close: () => Promise<void> }[] = [];

async function serve(...args: Parameters<typeof startLocalServer>): Promise<LocalServer> {
  const server = await startLocalServer(...args);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const deliver = (url: string, timeoutMs = 2000) =>
  deliverCallback({ url, body: '{"taskId":"task_1"}', headers: {}, allowLoopback: true, timeoutMs });

describe("deliverCallback", () => {
  it("POSTs the signed JSON body, which receivers verify with either secret of a roll", async () => {
    const server = await serve((_req, res) => res.writeHead(200).end());
    const [newer, older] = [newSigningSecret(), newSigningSecret()];
    const body = JSON.stringify({ code: 200, msg: "success", data: { taskId: "task_1", state: "success" } });
    const signed = signCallback({ secrets: [newer, older], msgId: "msg_1", timestamp: new Date(), body });

    const outcome = await deliverCallback({
      url: `${server.origin}/hooks/lumigate`,
      body,
      headers: { ...signed, "Content-Type": "text/plain", "x-extra": "kept" },
      allowLoopback: true,
    });

    expect(outcome).toMatchObject({ result: "delivered", statusCode: 200 });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(outcome.error).toBeUndefined();
    const [request] = server.received;
    expect(request).toMatchObject({ method: "POST", url: "/hooks/lumigate", body });
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Lumigate-Webhooks/1",
      "x-extra": "kept",
      "webhook-id": "msg_1",
    });
    const received = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request?.headers[name])]),
    );
    for (const secret of [newer, older]) expect(new Webhook(secret).verify(request?.body ?? "", received)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSigningSecret()).verify(request?.body ?? "", received)).toThrow("No matching signature");
    expect(() => new Webhook(newer).verify(`${request?.body} `, received)).toThrow("No matching signature");
  });

  it.each([
    [200, {}, { result: "delivered", statusCode: 200 }],
    [201, {}, { result: "delivered", statusCode: 201 }],
    [204, {}, { result: "delivered", statusCode: 204 }],
    [410, {}, { result: "gone", statusCode: 410 }],
    [500, { "retry-after": "120" }, { result: "retry", statusCode: 500, retryAfterSec: 120, error: "HTTP 500" }],
    [503, { "retry-after": new Date(Date.now() + 90_000).toUTCString() }, { result: "retry", statusCode: 503 }],
    [429, {}, { result: "retry", statusCode: 429, error: "HTTP 429" }],
    [404, {}, { result: "retry", statusCode: 404 }],
    [400, {}, { result: "retry", statusCode: 400 }],
    [301, { location: "http://127.0.0.1:9/" }, { result: "retry", statusCode: 301 }],
    [307, { location: "/elsewhere" }, { result: "retry", statusCode: 307 }],
  ] as const)("answers HTTP %i with headers %j as %j", async (status, headers, expected) => {
    const server = await serve((_req, res) => res.writeHead(status, headers).end("receiver says hi"));
    const outcome = await deliver(`${server.origin}/`);
    expect(outcome).toMatchObject(expected);
    if (!("retry-after" in headers)) expect(outcome.retryAfterSec).toBeUndefined();
    expect(server.received).toHaveLength(1);
  });

  it("reads an HTTP-date Retry-After as seconds from now", async () => {
    const server = await serve((_req, res) => res.writeHead(503, { "retry-after": new Date(Date.now() + 90_000).toUTCString() }).end());
    const { retryAfterSec } = await deliver(`${server.origin}/`);
    expect(retryAfterSec).toBeGreaterThanOrEqual(88);
    expect(retryAfterSec).toBeLessThanOrEqual(90);
  });

  it("gives up on a receiver that never answers once the timeout passes", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const outcome = await deliver(`http://127.0.0.1:${port}/`, 300);
      expect(outcome).toMatchObject({ result: "retry", error: "timed out after 300 ms" });
      expect(outcome.statusCode).toBeUndefined();
      expect(outcome.latencyMs).toBeGreaterThanOrEqual(290);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(sockets).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("retries when nothing listens", async () => {
    const server = await serve((_req, res) => res.end());
    const url = `${server.origin}/`;
    await server.close();
    const outcome = await deliver(url);
    expect(outcome).toMatchObject({ result: "retry" });
    expect(outcome.error).toContain("ECONNREFUSED");
  });

  it("reads no more than 64 KiB of an endless response", async () => {
    const chunk = Buffer.alloc(16 * 1024, "x");
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const started = Date.now();
    const outcome = await deliver(`${server.origin}/`, 5000);
    expect(outcome).toMatchObject({ result: "delivered", statusCode: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
