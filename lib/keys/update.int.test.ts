import { describe, expect, it } from "vitest";
import { GET as balance } from "@/app/api/v1/account/balance/route";
import { keyScope, spendPeriods } from "@/lib/billing/periods";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { call, getRequest, newAccount, newKey } from "@/lib/testing/fixtures";
import { listKeys, listKeysWithUsage, revokeKey, rollKey, updateKey, verifyKey } from "./index";

const DAY_MS = 24 * 60 * 60 * 1000;

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

const getBalance = (key: string) => call(balance, getRequest("http://localhost/v1/account/balance", key));

describe("updateKey", () => {
  it("renames a key and leaves everything else as it was", async () => {
    const accountId = await newAccount();
    const { key, keyId } = await newKey(accountId, { ratePer10s: 7, dailyCapMicros: 3_000_000, scopes: ["read"] });
    const record = await updateKey(accountId, keyId, { name: "  billing worker " });
    expect(record).toMatchObject({ id: keyId, name: "billing worker", ratePer10s: 7, dailyCapMicros: 3_000_000, scopes: ["read"], status: "active" });
    expect(record).not.toHaveProperty("hash");
    expect((await listKeys(accountId)).map((k) => k.name)).toEqual(["billing worker"]);
    await expect(verifyKey(key)).resolves.toMatchObject({ keyId, ratePer10s: 7 });
  });

  it("enforces a new rate limit from the next request on", async () => {
    const accountId = await newAccount();
    const { key, keyId } = await newKey(accountId, { ratePer10s: 1000 });
    const before = await getBalance(key);
    expect(before.status).toBe(200);
    expect(before.headers.get("ratelimit-limit")).toBe("1000");

    await updateKey(accountId, keyId, { ratePer10s: 2 });
    const after = [await getBalance(key), await getBalance(key), await getBalance(key)];
    expect(after[0]!.headers.get("ratelimit-limit")).toBe("2");
    expect(after[0]!.status).toBe(200);
    expect(after[2]!.status).toBe(429);
    expect(after[2]!.body.error).toMatchObject({ code: "rate_limited" });
  });

  it("sets a daily cap that the key's next request carries", async () => {
    const accountId = await newAccount();
    const { key, keyId } = await newKey(accountId);
    await verifyKey(key);
    expect((await updateKey(accountId, keyId, { dailyCapMicros: 2_500_000 })).dailyCapMicros).toBe(2_500_000);
    await expect(verifyKey(key)).resolves.toMatchObject({ dailyCapMicros: 2_500_000 });
    const { status, body } = await getBalance(key);
    expect(status).toBe(200);
    expect(body.caps.key_daily_micros).toBe(2_500_000);
  });

  it("clears limits and the expiry with null, and changes scopes and expiry", async () => {
    const accountId = await newAccount();
    const { key, keyId } = await newKey(accountId, { ratePer10s: 5, dailyCapMicros: 1_000_000 });
    const expiresAt = new Date(Date.now() + 3 * DAY_MS);
    await verifyKey(key);
    expect(await updateKey(accountId, keyId, { scopes: ["read", "generate"], expiresAt })).toMatchObject({
      scopes: ["generate", "read"],
      expiresAt,
    });
    const cleared = await updateKey(accountId, keyId, { ratePer10s: null, dailyCapMicros: null, expiresAt: null });
    expect(cleared).toMatchObject({ ratePer10s: null, dailyCapMicros: null, expiresAt: null, status: "active" });
    await expect(verifyKey(key)).resolves.toMatchObject({ ratePer10s: 20, dailyCapMicros: null, scopes: ["generate", "read"] });
  });

  it("takes an empty change as a no-op that still returns the key", async () => {
    const accountId = await newAccount();
    const { keyId } = await newKey(accountId, { ratePer10s: 7 });
    expect(await updateKey(accountId, keyId, {})).toMatchObject({ id: keyId, name: "test", ratePer10s: 7 });
  });

  it("answers not_found for another account's key and leaves it untouched", async () => {
    const a = await newAccount();
    const b = await newAccount();
    const { key, keyId } = await newKey(b, { ratePer10s: 9 });
    const error = await rejection(updateKey(a, keyId, { name: "mine now", ratePer10s: 1000 }));
    expect(error.code).toBe("not_found");
    expect(error.options.param).toBe("keyId");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row).toMatchObject({ name: "test", ratePer10s: 9 });
    await expect(verifyKey(key)).resolves.toMatchObject({ accountId: b, ratePer10s: 9 });
  });

  it("answers not_found for a revoked key, which stays revoked as it was", async () => {
    const accountId = await newAccount();
    const { keyId } = await newKey(accountId);
    await revokeKey(accountId, keyId);
    expect((await rejection(updateKey(accountId, keyId, { name: "revived", expiresAt: null }))).code).toBe("not_found");
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).toMatchObject({ name: "test" });
    expect((await rejection(updateKey(accountId, "key_doesnotexist", { name: "x" }))).code).toBe("not_found");
  });

  it.each([
    [{ name: "  " }, "name", "Give the key a name"],
    [{ name: "x".repeat(65) }, "name", "At most 64 characters"],
    [{ scopes: [] }, "scopes", "Choose at least one scope"],
    [{ ratePer10s: 0 }, "ratePer10s", "At least 1 request per 10 s"],
    [{ ratePer10s: 1001 }, "ratePer10s", "At most 1000 requests per 10 s"],
    [{ dailyCapMicros: -1 }, "dailyCapMicros", "A cap must be above zero"],
    [{ dailyCapMicros: 1.5 }, "dailyCapMicros", "A whole number of micro-USD"],
    [{ expiresAt: new Date(Date.now() - 1000) }, "expiresAt", "The expiry must be in the future"],
  ])("refuses %j with validation_error on %s", async (patch, param, message) => {
    const accountId = await newAccount();
    const { keyId } = await newKey(accountId);
    const error = await rejection(updateKey(accountId, keyId, patch as Parameters<typeof updateKey>[2]));
    expect(error.code).toBe("validation_error");
    expect(error.options.param).toBe(param);
    expect(error.message).toContain(message);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).toMatchObject({ name: "test", ratePer10s: 1000 });
  });
});

describe("listKeysWithUsage", () => {
  it("gives each key its spend today and its replacement; a rolled key shares its predecessor's window", async () => {
    const accountId = await newAccount();
    const now = new Date();
    const { day } = spendPeriods(now);
    const yesterday = spendPeriods(new Date(now.getTime() - DAY_MS)).day;
    const { keyId: quiet } = await newKey(accountId);
    const { keyId: busy } = await newKey(accountId, { dailyCapMicros: 5_000_000 });
    await db.spendWindow.createMany({
      data: [
        { scope: keyScope(busy), period: day, spentMicros: 420_000n },
        { scope: keyScope(busy), period: yesterday, spentMicros: 9_000_000n },
        { scope: keyScope(quiet), period: yesterday, spentMicros: 1_000_000n },
      ],
    });
    const { record: successor } = await rollKey(accountId, busy, 1);

    const listed = await listKeysWithUsage(accountId, now);
    const byId = new Map(listed.map((k) => [k.id, k]));
    expect(listed.map((k) => k.id)).toEqual([successor.id, busy, quiet]);
    expect(byId.get(quiet)).toMatchObject({ spentTodayMicros: 0, replacedByStart: null });
    expect(byId.get(busy)).toMatchObject({ spentTodayMicros: 420_000, replacedByStart: successor.start, status: "expiring" });
    expect(byId.get(successor.id)).toMatchObject({ spentTodayMicros: 420_000, replacedByStart: null, dailyCapMicros: 5_000_000 });
    expect(byId.get(successor.id)!.name).not.toBe(byId.get(busy)!.name);
    expect(listed[0]).not.toHaveProperty("hash");
  });
});
