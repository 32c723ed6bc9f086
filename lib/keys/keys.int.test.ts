import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { httpErrors } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { createKey, listKeys, revokeKey, revokeKeyByStartOrId, rollKey, verifyKey } from "./index";
import { generateKey, hashKey } from "./format";

const DAY_MS = 24 * 60 * 60 * 1000;

async function newAccount(): Promise<string> {
  const id = newId("acct");
  await db.account.create({ data: { id, name: "keys test" } });
  return id;
}

async function newKey(accountId: string, overrides: Partial<Parameters<typeof createKey>[0]> = {}) {
  return createKey({ accountId, name: "server", mode: "live", scopes: ["generate", "read"], ...overrides });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Moves this process's clock: the key cache and expiry checks read Date.now(). */
function advanceClock(ms: number) {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
  vi.setSystemTime(Date.now() + ms);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createKey", () => {
  it("stores only the hash and the display start, and returns the key once", async () => {
    const accountId = await newAccount();
    const { key, record } = await newKey(accountId, { mode: "test", scopes: ["read", "read"], ratePer10s: 5, dailyCapMicros: 2_000_000 });
    expect(key).toMatch(/^lg_test_[0-9A-Za-z]{38}$/);
    expect(record).toMatchObject({
      name: "server",
      mode: "test",
      start: key.slice(0, 12),
      scopes: ["read"],
      ratePer10s: 5,
      dailyCapMicros: 2_000_000,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
      status: "active",
    });
    expect(record.id).toMatch(/^key_/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.hash).toBe(hashKey(key));
    expect(JSON.stringify(row, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(key.slice(12));
  });

  it.each([
    [{ name: "  " }, "name"],
    [{ name: "x".repeat(65) }, "name"],
    [{ scopes: [] }, "scopes"],
    [{ ratePer10s: 0 }, "ratePer10s"],
    [{ ratePer10s: 1.5 }, "ratePer10s"],
    [{ dailyCapMicros: -1 }, "dailyCapMicros"],
    [{ expiresAt: new Date(Date.now() - 1000) }, "expiresAt"],
  ])("refuses %j with validation_error on %s", async (overrides, param) => {
    const error = await rejection(newKey(await newAccount(), overrides as Partial<Parameters<typeof createKey>[0]>));
    expect(error.code).toBe("validation_error");
    expect(error.options.param).toBe(param);
  });
});

describe("verifyKey", () => {
  it("returns the key's context with the default rate limit", async () => {
    const accountId = await newAccount();
    const { key, record } = await newKey(accountId, { scopes: ["read"], dailyCapMicros: 500_000 });
    expect(await verifyKey(key)).toEqual({
      keyId: record.id,
      accountId,
      mode: "live",
      scopes: ["read"],
      ratePer10s: 20,
      dailyCapMicros: 500_000,
    });
  });

  it("refuses malformed, mistyped and unknown keys with 401", async () => {
    const { key } = await newKey(await newAccount());
    const typo = key.slice(0, 20) + (key[20] === "a" ? "b" : "a") + key.slice(21);
    for (const [raw, message] of [
      ["lg_live_short", /Malformed/],
      [typo, /Malformed/],
      [generateKey("live"), /Invalid API key/],
    ] as const) {
      const error = await rejection(verifyKey(raw));
      expect(error.code).toBe("unauthorized");
      expect(error.message).toMatch(message);
    }
  });

  it("refuses a revoked key at once on this instance", async () => {
    const accountId = await newAccount();
    const { key, record } = await newKey(accountId);
    await verifyKey(key);
    expect((await revokeKey(accountId, record.id)).status).toBe("revoked");
    const error = await rejection(verifyKey(key));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toMatch(/revoked/);
  });

  it("sees a revocation made elsewhere within the 5 s cache lifetime", async () => {
    const { key, record } = await newKey(await newAccount());
    await verifyKey(key);
    // As another instance would: straight to the database, this process's cache untouched.
    await db.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    advanceClock(4_000);
    await expect(verifyKey(key)).resolves.toMatchObject({ keyId: record.id });
    advanceClock(1_001);
    expect((await rejection(verifyKey(key))).message).toMatch(/revoked/);
  });

  it("forgets an unknown key within 2 s, so a key made elsewhere starts working", async () => {
    const accountId = await newAccount();
    const { key, record } = await newKey(accountId);
    await db.apiKey.update({ where: { id: record.id }, data: { hash: "0".repeat(64) } });
    expect((await rejection(verifyKey(key))).message).toMatch(/Invalid/);
    await db.apiKey.update({ where: { id: record.id }, data: { hash: hashKey(key) } });
    advanceClock(2_001);
    await expect(verifyKey(key)).resolves.toMatchObject({ keyId: record.id });
  });

  it("refuses an expired key", async () => {
    const { key, record } = await newKey(await newAccount(), { expiresAt: new Date(Date.now() + 60_000) });
    await expect(verifyKey(key)).resolves.toMatchObject({ keyId: record.id });
    advanceClock(60_001);
    expect((await rejection(verifyKey(key))).message).toMatch(/expired/);
  });

  it("refuses the keys of a frozen account with 403, and accepts them again once unfrozen", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    await db.account.update({ where: { id: accountId }, data: { frozenAt: new Date() } });
    const error = await rejection(verifyKey(key));
    expect(error.code).toBe("forbidden");
    expect(httpErrors[error.code].status).toBe(403);
    await db.account.update({ where: { id: accountId }, data: { frozenAt: null } });
    advanceClock(5_001);
    await expect(verifyKey(key)).resolves.toMatchObject({ accountId });
  });

  it("records the last use at most once a minute", async () => {
    const { key, record } = await newKey(await newAccount());
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt;
    await verifyKey(key);
    await vi.waitFor(async () => expect(await lastUsed()).not.toBeNull());
    const first = (await lastUsed())!.getTime();
    advanceClock(30_000);
    await verifyKey(key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await lastUsed())!.getTime()).toBe(first);
    advanceClock(30_001);
    await verifyKey(key);
    await vi.waitFor(async () => expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(first + 60_000));
  });

  it("shares one database query among concurrent first uses of a key", async () => {
    const { key, record } = await newKey(await newAccount());
    const contexts = await Promise.all(Array.from({ length: 20 }, () => verifyKey(key)));
    expect(new Set(contexts).size).toBe(1);
    expect(contexts[0]!.keyId).toBe(record.id);
  });
});

describe("rollKey", () => {
  it("issues a replacement with the same settings; the old key works through the grace period, then not", async () => {
    const accountId = await newAccount();
    const { key: oldKey, record: old } = await newKey(accountId, { name: "prod", scopes: ["generate"], ratePer10s: 7, dailyCapMicros: 3_000_000 });
    const { key: newKeyValue, record } = await rollKey(accountId, old.id, 2);
    expect(newKeyValue).not.toBe(oldKey);
    expect(record).toMatchObject({ mode: "live", scopes: ["generate"], ratePer10s: 7, dailyCapMicros: 3_000_000, status: "active" });
    expect(record.name).toMatch(/^prod \(rolled [A-Z][a-z]{2} \d{1,2}\)$/);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: record.id } })).rolledFromId).toBe(old.id);

    const listed = await listKeys(accountId);
    expect(listed.map((k) => [k.id, k.status])).toEqual([
      [record.id, "active"],
      [old.id, "expiring"],
    ]);
    const graceEnd = listed[1]!.expiresAt!.getTime();
    expect(graceEnd - Date.now()).toBeGreaterThan(2 * DAY_MS - 60_000);
    expect(graceEnd - Date.now()).toBeLessThanOrEqual(2 * DAY_MS);

    await expect(verifyKey(oldKey)).resolves.toMatchObject({ keyId: old.id });
    await expect(verifyKey(newKeyValue)).resolves.toMatchObject({ keyId: record.id });
    advanceClock(2 * DAY_MS + 1);
    expect((await rejection(verifyKey(oldKey))).message).toMatch(/expired/);
    await expect(verifyKey(newKeyValue)).resolves.toMatchObject({ keyId: record.id });
  });

  it("revokes the old key at once with no grace period", async () => {
    const accountId = await newAccount();
    const { key: oldKey, record: old } = await newKey(accountId);
    await verifyKey(oldKey);
    const { key } = await rollKey(accountId, old.id, 0);
    expect((await rejection(verifyKey(oldKey))).message).toMatch(/revoked/);
    await expect(verifyKey(key)).resolves.toBeTruthy();
  });

  it("keeps an earlier expiry than the grace period, and copies the expiry to the replacement", async () => {
    const accountId = await newAccount();
    const expiresAt = new Date(Date.now() + DAY_MS);
    const { record: old } = await newKey(accountId, { expiresAt });
    const { record } = await rollKey(accountId, old.id, 7);
    expect(record.expiresAt).toEqual(expiresAt);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: old.id } })).expiresAt).toEqual(expiresAt);
  });

  it("rolls a key once however many rolls race", async () => {
    const accountId = await newAccount();
    const { record: old } = await newKey(accountId);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => rollKey(accountId, old.id, 1)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("validation_error");
    expect(await db.apiKey.count({ where: { rolledFromId: old.id } })).toBe(1);
  });

  it.each([
    ["revoked", { revokedAt: new Date() }],
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
  ])("refuses to roll a %s key", async (_, data) => {
    const accountId = await newAccount();
    const { record } = await newKey(accountId);
    await db.apiKey.update({ where: { id: record.id }, data });
    expect((await rejection(rollKey(accountId, record.id, 1))).code).toBe("validation_error");
  });

  it.each([-1, 8, 1.5])("refuses a grace period of %s days", async (days) => {
    const accountId = await newAccount();
    const { record } = await newKey(accountId);
    expect((await rejection(rollKey(accountId, record.id, days))).code).toBe("validation_error");
  });
});

describe("across accounts", () => {
  it("answers not_found for another account's key and leaves it untouched", async () => {
    const a = await newAccount();
    const b = await newAccount();
    const { key: bKey, record: bRecord } = await newKey(b);
    await newKey(a);

    expect((await listKeys(a)).map((k) => k.id)).not.toContain(bRecord.id);
    expect((await rejection(revokeKey(a, bRecord.id))).code).toBe("not_found");
    expect((await rejection(rollKey(a, bRecord.id, 0))).code).toBe("not_found");
    expect((await rejection(revokeKey(a, "key_doesnotexist"))).code).toBe("not_found");

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: bRecord.id } });
    expect(row.revokedAt).toBeNull();
    expect(row.expiresAt).toBeNull();
    expect(await db.apiKey.count({ where: { rolledFromId: bRecord.id } })).toBe(0);
    await expect(verifyKey(bKey)).resolves.toMatchObject({ accountId: b });
  });
});

describe("revokeKeyByStartOrId", () => {
  it.each(["id", "full key", "start"] as const)("revokes by %s", async (by) => {
    const { key, record } = await newKey(await newAccount());
    const ref = by === "id" ? record.id : by === "full key" ? key : record.start;
    expect(await revokeKeyByStartOrId(ref)).toMatchObject({ id: record.id, status: "revoked" });
    expect((await rejection(verifyKey(key))).message).toMatch(/revoked/);
  });

  it("refuses a start shared by two keys, and an unknown one", async () => {
    const accountId = await newAccount();
    const { record: one } = await newKey(accountId);
    const { record: two } = await newKey(accountId);
    await db.apiKey.update({ where: { id: two.id }, data: { start: one.start } });
    expect((await rejection(revokeKeyByStartOrId(one.start))).code).toBe("validation_error");
    expect((await rejection(revokeKeyByStartOrId("lg_live_none"))).code).toBe("not_found");
    expect(await db.apiKey.count({ where: { id: { in: [one.id, two.id] }, revokedAt: { not: null } } })).toBe(0);
  });
});
