import { describe, expect, it } from "vitest";
import { openWallet } from "@/lib/billing";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createKey, type KeyScope, revokeKey } from "@/lib/keys";
import { GET } from "./route";

const USD = 1_000_000;

async function newAccount(balanceMicros = 10 * USD): Promise<string> {
  const id = newId("acct");
  await db.$transaction(async (tx) => {
    await tx.account.create({ data: { id, name: "balance test", dailyCapMicros: 5 * USD } });
    await openWallet(tx, id, balanceMicros);
  });
  return id;
}

async function newKey(accountId: string, opts: { scopes?: KeyScope[]; ratePer10s?: number; dailyCapMicros?: number } = {}) {
  const { key, record } = await createKey({ accountId, name: "test", mode: "live", scopes: ["read"], ...opts });
  return { key, keyId: record.id };
}

async function call(headers: Record<string, string>) {
  const res = await GET(new Request("http://localhost/api/v1/account/balance", { headers }), { params: Promise.resolve({}) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("GET /api/v1/account/balance", () => {
  it("returns the key's account balance, caps and spend, with RateLimit-* headers", async () => {
    const accountId = await newAccount(10 * USD);
    const { key } = await newKey(accountId, { dailyCapMicros: 2 * USD });
    const { status, headers, body } = await call(bearer(key));
    expect(status).toBe(200);
    expect(body).toEqual({
      object: "balance",
      available_micros: 10 * USD,
      reserved_micros: 0,
      available_usd: 10,
      currency: "usd",
      caps: { daily_micros: 5 * USD, monthly_micros: null, key_daily_micros: 2 * USD },
      spent: { today_micros: 0, month_micros: 0, key_today_micros: 0 },
    });
    expect(headers.get("ratelimit-limit")).toBe("20");
    expect(headers.get("ratelimit-remaining")).toBe("19");
    expect(Number(headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(headers.get("retry-after")).toBeNull();
    expect(headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("accepts the key in x-api-key too", async () => {
    const { key } = await newKey(await newAccount(3_500_000));
    const { status, body } = await call({ "x-api-key": key });
    expect(status).toBe(200);
    expect(body.available_usd).toBe(3.5);
  });

  it("shows each key its own account only", async () => {
    const a = await newAccount(1 * USD);
    const b = await newAccount(7 * USD);
    const { key: aKey } = await newKey(a);
    const { key: bKey } = await newKey(b);
    expect((await call(bearer(aKey))).body.available_micros).toBe(1 * USD);
    expect((await call(bearer(bKey))).body.available_micros).toBe(7 * USD);
  });

  const unauthorized = (message: RegExp) => ({
    error: {
      message: expect.stringMatching(message),
      type: "authentication_error",
      param: null,
      code: "unauthorized",
      doc_url: "http://localhost/docs/errors#unauthorized",
    },
  });

  it.each([
    ["no key", {}, /Missing API key/],
    ["a session cookie instead of a key", { cookie: "next-auth.session-token=abc" }, /Missing API key/],
    ["a malformed key", bearer("lg_live_nope"), /Malformed/],
  ])("answers %s with 401 and WWW-Authenticate", async (_, headers, message) => {
    const { status, headers: res, body } = await call(headers);
    expect(status).toBe(401);
    expect(res.get("www-authenticate")).toBe('Bearer realm="lumigate"');
    expect(body).toEqual(unauthorized(message));
  });

  it("answers a revoked key with 401", async () => {
    const accountId = await newAccount();
    const { key, keyId } = await newKey(accountId);
    expect((await call(bearer(key))).status).toBe(200);
    await revokeKey(accountId, keyId);
    const { status, body } = await call(bearer(key));
    expect(status).toBe(401);
    expect(body).toEqual(unauthorized(/revoked/));
  });

  it("answers a key without the read scope with 403", async () => {
    const { key } = await newKey(await newAccount(), { scopes: ["generate"] });
    const { status, body } = await call(bearer(key));
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", code: "forbidden" });
    expect(body.error.message).toMatch(/'read' scope/);
  });

  it("answers a frozen account's key with 403", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    await db.account.update({ where: { id: accountId }, data: { frozenAt: new Date() } });
    const { status, body } = await call(bearer(key));
    expect(status).toBe(403);
    expect(body.error.code).toBe("forbidden");
  });

  it("refuses the 21st request in 10 s with 429, leaving the account's other key and other accounts alone", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    const { key: sibling } = await newKey(accountId);
    const { key: stranger } = await newKey(await newAccount());
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await call(bearer(key))).status);
    expect(statuses).toEqual(Array(20).fill(200));

    const refused = await call(bearer(key));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(refused.headers.get("ratelimit-limit")).toBe("20");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");

    expect((await call(bearer(sibling))).status).toBe(200);
    expect((await call(bearer(stranger))).status).toBe(200);
  });

  it("applies a key's own rate limit", async () => {
    const { key } = await newKey(await newAccount(), { ratePer10s: 2 });
    expect((await call(bearer(key))).headers.get("ratelimit-limit")).toBe("2");
    expect((await call(bearer(key))).status).toBe(200);
    expect((await call(bearer(key))).status).toBe(429);
  });
});
