import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER as LIB_PEER_HEADER } from "@/lib/ratelimit/client-address";
import { frontHandler, PEER_HEADER } from "./web-front.mjs";

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
const servers: Server[] = [];

/** A front handler whose "Next" answers 200 with the peer header it was given. */
async function start(hsts: boolean): Promise<string> {
  const server = createServer(
    frontHandler({
      hsts,
      handle: (req, res) => {
        req.resume();
        req.on("end", () => res.end(`next saw peer=${req.headers[PEER_HEADER]}`));
      },
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function send(origin: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

let plain: string;
let https: string;
beforeAll(async () => {
  [plain, https] = await Promise.all([start(false), start(true)]);
});
afterAll(() => {
  for (const server of servers) server.close();
});

describe("the web process's front handler", () => {
  it("names the header lib/http trusts", () => {
    expect(PEER_HEADER).toBe(LIB_PEER_HEADER);
  });

  it("records the socket's address, overwriting a client's own claim", async () => {
    const answer = await send(plain, "/models", { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    expect(answer).toMatchObject({ status: 200, body: "next saw peer=127.0.0.1" });
  });

  it("adds HSTS only when served over https", async () => {
    expect((await send(https, "/")).headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect((await send(plain, "/")).headers["strict-transport-security"]).toBeUndefined();
  });

  it.each([
    ["/models/%", "text/plain; charset=utf-8", "The URL has malformed percent-encoding.\n"],
    ["/models/%zz?x=1", "text/plain; charset=utf-8", "The URL has malformed percent-encoding.\n"],
    ["/models/a%00b", "text/plain; charset=utf-8", "The URL contains a NUL character.\n"],
    ["/api/v1/models/%zz", "application/json", JSON.stringify({ error: { message: "The URL has malformed percent-encoding.", code: "bad_request" } })],
  ])("answers 400 to %s before Next sees it", async (path, type, body) => {
    expect(await send(plain, path)).toMatchObject({ status: 400, headers: { "content-type": type }, body });
  });

  it("answers 413 to a page or action body over 1 MiB, and the sender still reads it; API routes cap their own", async () => {
    const big = "a".repeat(2 * 1024 * 1024);
    expect(await send(plain, "/sign-up", { method: "POST", body: big })).toMatchObject({ status: 413 });
    expect(await send(plain, "/api/v1/jobs/createTask", { method: "POST", body: big })).toMatchObject({ status: 200 });
    expect(await send(plain, "/sign-up", { method: "POST", body: "a".repeat(1024) })).toMatchObject({ status: 200 });
  });

  it("answers 403 to a server action from another origin or a malformed one, and passes same-origin ones", async () => {
    const host = new URL(plain).host;
    const action = (origin: string) => send(plain, "/sign-up", { method: "POST", headers: { "next-action": "7f00", origin }, body: "[]" });
    expect((await action("https://evil.example")).status).toBe(403);
    expect((await action("::nonsense::")).status).toBe(403);
    expect((await action(`http://${host}`)).status).toBe(200);
    // Without Next-Action a cross-origin POST is an ordinary request (CORS and the routes decide).
    expect((await send(plain, "/sign-up", { method: "POST", headers: { origin: "https://evil.example" }, body: "x" })).status).toBe(200);
  });
});
