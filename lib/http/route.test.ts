import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { apiRoute } from "./route";

// The session comes from next-auth's cookie, which needs a Next request.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, reads: 0 }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => {
    session.reads++;
    return session.user;
  },
}));

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

const body = z.object({ name: z.string().min(2), count: z.number().int().max(3) });

const echo = (envelope: "task" | "openai") =>
  apiRoute({ envelope, body, maxBodyBytes: 100, params: z.object({ id: z.string().regex(/^[a-z]+$/) }) }, async ({ body, params }) => ({
    ...body,
    id: params.id,
  }));

function post(text: string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/v1/echo", { method: "POST", body: text, headers });
}

describe("apiRoute", () => {
  it("parses the body and path params and renders the task envelope", async () => {
    const res = await echo("task")(post(JSON.stringify({ name: "ab", count: 1 })), context({ id: "x" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 200, msg: "success", data: { name: "ab", count: 1, id: "x" } });
  });

  it("lists every failing field in a 422, in both envelopes", async () => {
    const bad = JSON.stringify({ name: "a", count: 9 });
    const task = await echo("task")(post(bad), context({ id: "x" }));
    expect(task.status).toBe(422);
    const taskBody = await task.json();
    expect(taskBody).toMatchObject({ code: 422, data: null });
    expect(taskBody.details.map((d: { path: string }) => d.path)).toEqual(["name", "count"]);
    expect(taskBody.msg).toMatch(/^name: .*and 1 more/);

    const openai = await echo("openai")(post(bad), context({ id: "x" }));
    expect(openai.status).toBe(422);
    const openaiBody = await openai.json();
    expect(openaiBody.error).toMatchObject({ type: "invalid_request_error", code: "validation_error", param: "name" });
    expect(openaiBody.error.details).toHaveLength(2);
  });

  it("validates path params", async () => {
    const res = await echo("task")(post(JSON.stringify({ name: "ab", count: 1 })), context({ id: "X1" }));
    expect(res.status).toBe(422);
    expect((await res.json()).details[0].path).toBe("id");
  });

  it.each([
    ["a body over the cap (declared)", "x".repeat(101), {}, 413],
    ["a body over the cap (chunked, no length)", null, {}, 413],
    ["a body that is not JSON", "{nope", {}, 400],
    ["a body with an escaped NUL", JSON.stringify({ name: "a\u0000b", count: 1 }), {}, 400],
    ["an empty body", "", {}, 422],
  ] as const)("answers %s with %i in the route's envelope", async (_, text, headers, status) => {
    const req =
      text === null
        ? new Request("http://localhost/api/v1/echo", {
            method: "POST",
            body: new ReadableStream({
              start(c) {
                for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("x".repeat(30)));
                c.close();
              },
            }),
            duplex: "half",
          } as RequestInit)
        : post(text, headers);
    const res = await echo("task")(req, context({ id: "x" }));
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(status);
  });

  it("refuses a NUL byte in the query before any handler runs", async () => {
    const handler = vi.fn(async () => "never");
    const route = apiRoute({ envelope: "openai", query: z.object({ q: z.string() }) }, handler);
    const res = await route(new Request("http://localhost/api/v1/x?q=%00"), context());
    expect(res.status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it("keeps a non-standard seed code in the body while the HTTP status stays standard", async () => {
    const route = apiRoute({ envelope: "task" }, async () => {
      throw new AppError("maintenance", "down for a bit", { retryAfterSec: 300 });
    });
    const res = await route(new Request("http://localhost/x"), context());
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("300");
    expect(await res.json()).toEqual({ code: 455, msg: "down for a bit", data: null, doc_url: "http://localhost/docs/errors#maintenance" });
  });

  it("hides an unexpected error's message behind a 500 with the request id", async () => {
    const route = apiRoute({ envelope: "openai" }, async () => {
      throw new Error("password=hunter2 at db.internal");
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await route(new Request("http://localhost/x", { headers: { "x-request-id": "req_abc" } }), context());
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).error).toMatchObject({ type: "server_error", code: "internal" });
    expect(text).toContain("req_abc");
  });
});

describe('apiRoute auth: "session"', () => {
  const whoAmI = apiRoute({ envelope: "task", auth: "session" }, async ({ user }) => ({ userId: user?.id ?? null }));
  const alice: SessionUser = { id: "usr_alice", email: "alice@example.com", name: null, role: "user", accountId: "acct_a" };

  function request(method: string, headers: Record<string, string>) {
    return new Request("http://localhost:3000/api/playground/runs", { method, headers: { cookie: "session=1", ...headers }, body: method === "GET" ? undefined : "" });
  }

  it.each([
    ["another origin", "POST", { origin: "https://evil.example" }, 403],
    ["the same host on another port", "POST", { origin: "http://localhost:4000" }, 403],
    ["a browser saying cross-site, with no Origin", "DELETE", { "sec-fetch-site": "cross-site" }, 403],
    ["our own origin", "POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, 200],
    ["no Origin at all (curl, a server)", "POST", {}, 200],
    ["a cross-site GET (a link)", "GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, 200],
  ] as const)("a request from %s: %i", async (_, method, headers, status) => {
    session.user = alice;
    session.reads = 0;
    const res = await whoAmI(request(method, headers), context());
    expect(res.status).toBe(status);
    const answer = await res.json();
    if (status === 403) {
      expect(answer).toMatchObject({ code: 403, data: null, msg: expect.stringMatching(/^Cross-site requests are refused/) });
      // Refused before the session is even read.
      expect(session.reads).toBe(0);
    } else expect(answer.data).toEqual({ userId: "usr_alice" });
  });

  it("hands a signed-out visitor to the handler as null", async () => {
    session.user = null;
    const res = await whoAmI(request("GET", {}), context());
    expect(await res.json()).toMatchObject({ code: 200, data: { userId: null } });
  });
});
