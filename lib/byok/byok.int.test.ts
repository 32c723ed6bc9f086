import { afterEach, describe, expect, it } from "vitest";
import { findDrift } from "@/lib/billing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { createTask } from "@/lib/tasks";
import { findHoldDrift, findSlotDrift } from "@/lib/tasks/reconcile";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { waitForEnd, withGenerationStack } from "@/lib/testing/generation-stack";
import { seal } from "./crypto";
import { listCredentials, recheckCredential, removeCredential, saveCredential, setFallback } from "./credentials";
import { byokEncryptionKey } from "./key-file";

// Bring your own key end to end: the account's credential sealed in the database, checked on save
// against the simulator, used by the real worker and adapters (the simulator's request log shows
// which credential each call carried), and the price it costs. The simulator refuses `bad-...`
// (401), `broke-...` (402) and `locked-...` (403) and accepts any other credential.
const { stack } = withGenerationStack("byok", { webhooks: true });

const proPrice = 35_000;
const bfl = "black-forest-labs";

afterEach(() => {
  env.BYOK_FEE_PERCENT = 0;
});

const unique = (prefix: string) => `${prefix}-${newId("cred").slice(5)}`;

async function liveKey(balanceMicros = 1 * USD) {
  const accountId = await newAccount(balanceMicros);
  const { keyId } = await newKey(accountId);
  return { accountId, keyId, mode: "live" as const };
}

/** A credential stored as if it had passed its check and been revoked upstream since. */
async function storeUnchecked(accountId: string, providerSlug: string, secret: string) {
  const sealed = seal(secret, byokEncryptionKey(), `${accountId}:${providerSlug}`);
  await db.providerCredential.create({ data: { id: newId("cred"), accountId, providerSlug, ...sealed, hint: secret.slice(-4) } });
}

async function run(key: Awaited<ReturnType<typeof liveKey>> | { accountId: string; keyId: string; mode: "test" }, prompt: string) {
  const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt }, surface: "task_api" });
  return { taskId, info: await waitForEnd(key.accountId, taskId) };
}

async function expectConsistent(accountId: string) {
  expect((await findDrift([accountId])).drift).toEqual([]);
  expect(await findHoldDrift([accountId])).toEqual([]);
  expect(await findSlotDrift([accountId])).toEqual([]);
}

const wallet = (accountId: string) => db.wallet.findUniqueOrThrow({ where: { accountId }, select: { availableMicros: true, reservedMicros: true } });
const attempts = async (taskId: string) =>
  (await db.taskAttempt.findMany({ where: { taskId }, orderBy: { createdAt: "asc" } })).map((a) => [a.providerSlug, a.outcome]);
const callsWith = (credential: string) => stack().simulator.requests().filter((r) => r.credential === credential);

/** Upstreams then never call back: the worker's polls alone follow the job. */
async function pollingOnly<T>(work: () => Promise<T>): Promise<T> {
  const webhooks = env.UPSTREAM_WEBHOOK_URL;
  env.UPSTREAM_WEBHOOK_URL = "none";
  try {
    return await work();
  } finally {
    env.UPSTREAM_WEBHOOK_URL = webhooks;
  }
}

/** A slow task of the account, once an upstream has accepted it. */
async function startSlowTask(key: Awaited<ReturnType<typeof liveKey>>) {
  const { taskId } = await createTask({ key, model: "flux-2-pro", input: { prompt: "slow [sim:slow=2000]" }, surface: "task_api" });
  while ((await db.task.findUniqueOrThrow({ where: { id: taskId } })).state === "waiting") await new Promise((r) => setTimeout(r, 20));
  return taskId;
}

describe("storing a credential", () => {
  it("is checked on save, shown by its last 4 characters only, and appears in no column of the table", async () => {
    const { accountId } = await liveKey();
    const secret = unique("good-bfl");
    expect(await saveCredential(accountId, bfl, secret)).toEqual({ outcome: "ok", message: "Black Forest Labs accepted it." });
    expect(callsWith(secret)).toEqual([expect.objectContaining({ protocol: "bfl", method: "GET", path: "/v1/credits", status: 200 })]);

    const views = await listCredentials(accountId);
    expect(views.map((v) => v.providerSlug)).toEqual([bfl, "fal", "replicate", "openai"]);
    expect(views[0]!.stored).toMatchObject({ hint: secret.slice(-4), checkOutcome: "ok", allowFallback: false, checkedAt: expect.any(String) });
    expect(views.slice(1).every((v) => v.stored === null)).toBe(true);
    expect(JSON.stringify(views)).not.toContain(secret);

    // Every column as text; a secret stored as bytes would show as hex there, or base64 elsewhere.
    const dump = (await db.$queryRaw<{ row: string }[]>`SELECT c::text AS row FROM "ProviderCredential" c`).map((r) => r.row).join("\n");
    expect(dump).toContain(accountId);
    for (const form of [secret, Buffer.from(secret).toString("hex"), Buffer.from(secret).toString("base64")]) expect(dump).not.toContain(form);
  });

  it("a refused credential is not stored, and says why; one out of credit is stored as such", async () => {
    const { accountId } = await liveKey();
    await expect(saveCredential(accountId, "replicate", unique("bad-rep"))).rejects.toMatchObject({
      code: "validation_error",
      message: "Replicate refused this API token, so it was not saved. Replicate answered 401: Invalid credentials: this key does not exist or was revoked.",
      options: { param: "secret" },
    });
    await expect(saveCredential(accountId, "fal", unique("locked-fal"))).rejects.toMatchObject({ message: expect.stringMatching(/fal\.ai answered 403/) });
    expect(await db.providerCredential.count({ where: { accountId } })).toBe(0);

    expect(await saveCredential(accountId, "openai", unique("broke-oai"))).toMatchObject({ outcome: "no_credit" });
    expect((await listCredentials(accountId)).find((v) => v.providerSlug === "openai")!.stored).toMatchObject({ checkOutcome: "no_credit" });
  });

  it("a replacement keeps the fallback choice; re-check asks again; removal deletes the row", async () => {
    const { accountId } = await liveKey();
    await saveCredential(accountId, "fal", unique("good-fal"));
    await setFallback(accountId, "fal", true);
    const replacement = unique("good-fal");
    await saveCredential(accountId, "fal", replacement);
    const stored = (await listCredentials(accountId)).find((v) => v.providerSlug === "fal")!.stored!;
    expect(stored).toMatchObject({ hint: replacement.slice(-4), allowFallback: true });
    expect(await recheckCredential(accountId, "fal")).toMatchObject({ outcome: "ok" });
    expect(callsWith(replacement)).toHaveLength(2);
    await removeCredential(accountId, "fal");
    expect(await db.providerCredential.count({ where: { accountId } })).toBe(0);
    await expect(removeCredential(accountId, "fal")).rejects.toMatchObject({ code: "not_found" });
    await expect(saveCredential(accountId, "midjourney", "x".repeat(20))).rejects.toMatchObject({ code: "not_found" });
  });

  it("checks are capped per account: the 21st within an hour is refused before it reaches the upstream", async () => {
    const { accountId } = await liveKey();
    for (let i = 0; i < 20; i++) await saveCredential(accountId, "openai", unique("good-oai"));
    const secret = unique("good-oai");
    await expect(saveCredential(accountId, "openai", secret)).rejects.toMatchObject({ code: "rate_limited", message: /Too many key checks/ });
    expect(callsWith(secret)).toEqual([]);
  });
});

describe("tasks on the account's own key", () => {
  it("run on it (submit and polls, in the simulator's log) and cost the default fee: nothing", async () => {
    const key = await liveKey();
    const secret = unique("good-bfl");
    await saveCredential(key.accountId, bfl, secret);
    const { taskId, info } = await pollingOnly(() => run(key, "a lighthouse on my own key"));

    expect(info).toMatchObject({ state: "success", costMicros: 0, creditsCharged: 0, byok: { ownKey: true, feeMicros: 0 } });
    expect(await db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      providerSlug: bfl,
      priceMicros: 0n,
      byokFeeMicros: 0n,
      byokUsed: true,
    });
    const calls = callsWith(secret).map((r) => `${r.method} ${r.path}`);
    expect(calls).toContain("POST /v1/flux-2-pro");
    expect(calls).toContain("GET /v1/get_result");
    expect(await attempts(taskId)).toEqual([[bfl, "accepted"]]);
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD), reservedMicros: 0n });
    expect(await db.ledgerEntry.count({ where: { taskId } })).toBe(0);
    await expectConsistent(key.accountId);
  });

  it("cost exactly BYOK_FEE_PERCENT of the price, rounded up, and hold no more", async () => {
    env.BYOK_FEE_PERCENT = 5;
    const key = await liveKey();
    await saveCredential(key.accountId, bfl, unique("good-bfl"));
    const { taskId, info } = await run(key, "a fee of five percent");
    expect(info).toMatchObject({ state: "success", costMicros: 1_750, byok: { ownKey: true, feeMicros: 1_750 } });
    expect(await db.hold.findUniqueOrThrow({ where: { taskId } })).toMatchObject({ amountMicros: 1_750n, capturedMicros: 1_750n, state: "captured" });
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD - 1_750), reservedMicros: 0n });
    await expectConsistent(key.accountId);
  });

  it("put the routes of the upstreams the account has a key for first", async () => {
    const key = await liveKey();
    const secret = unique("good-rep");
    await saveCredential(key.accountId, "replicate", secret);
    const { taskId, info } = await run(key, "on the third route, first");
    expect(info).toMatchObject({ state: "success", costMicros: 0, byok: { ownKey: true } });
    expect(await attempts(taskId)).toEqual([["replicate", "accepted"]]);
    // Replicate signs its webhooks with a secret per token: ours was fetched with the account's.
    const calls = callsWith(secret).map((r) => `${r.method} ${r.path}`);
    expect(calls).toContain("POST /v1/models/black-forest-labs/flux-2-pro/predictions");
    expect(calls).toContain("GET /v1/webhooks/default/secret");
    await expectConsistent(key.accountId);
  });

  it.each([
    ["revoked since it was saved (401)", "bad-bfl", /^Your Black Forest Labs key was refused: bfl answered 401: Invalid credentials/],
    ["out of credit (402)", "broke-bfl", /^Your Black Forest Labs key was refused: bfl answered 402: Insufficient credit/],
  ])("refused, %s, fail the task with the reason, never falling back, and charge nothing", async (_, prefix, reason) => {
    env.BYOK_FEE_PERCENT = 5;
    const key = await liveKey();
    const secret = unique(prefix);
    await storeUnchecked(key.accountId, bfl, secret);
    const { taskId, info } = await run(key, "refused on my own key");
    expect(info).toMatchObject({ state: "fail", failCode: "credential_refused", costMicros: 0, byok: { ownKey: false, feeMicros: 1_750 } });
    expect(info.failMsg).toMatch(reason);
    expect(info.failMsg).toMatch(/Nothing was charged\. Replace the key under Dashboard → Providers/);
    expect(info.failMsg).not.toContain(secret);
    expect(await attempts(taskId)).toEqual([[bfl, "account_key_refused"]]);
    expect(await db.hold.findUniqueOrThrow({ where: { taskId } })).toMatchObject({ amountMicros: 1_750n, state: "released" });
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD), reservedMicros: 0n });
    await expectConsistent(key.accountId);
  });

  it("refused with fallback allowed, run on the platform's credential at the full price", async () => {
    env.BYOK_FEE_PERCENT = 5;
    const key = await liveKey();
    await storeUnchecked(key.accountId, bfl, unique("bad-bfl"));
    await setFallback(key.accountId, bfl, true);
    const { taskId, info } = await run(key, "falling back");
    expect(info).toMatchObject({ state: "success", costMicros: proPrice, byok: { ownKey: false, feeMicros: 1_750 } });
    expect(await attempts(taskId)).toEqual([
      [bfl, "account_key_refused"],
      [bfl, "accepted"],
    ]);
    expect(await db.hold.findUniqueOrThrow({ where: { taskId } })).toMatchObject({ amountMicros: BigInt(proPrice), capturedMicros: BigInt(proPrice) });
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD - proPrice), reservedMicros: 0n });
    await expectConsistent(key.accountId);
  });

  it("with fallback allowed and the key accepted, hold the full price and capture only the fee", async () => {
    env.BYOK_FEE_PERCENT = 5;
    const key = await liveKey();
    await saveCredential(key.accountId, bfl, unique("good-bfl"));
    await setFallback(key.accountId, bfl, true);
    const { taskId, info } = await run(key, "held in full, charged the fee");
    expect(info).toMatchObject({ state: "success", costMicros: 1_750, byok: { ownKey: true } });
    expect(await db.hold.findUniqueOrThrow({ where: { taskId } })).toMatchObject({ amountMicros: BigInt(proPrice), capturedMicros: 1_750n });
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD - 1_750), reservedMicros: 0n });
    await expectConsistent(key.accountId);
  });

  it("whose key is removed mid-flight end uncharged, since only that key can fetch the result", async () => {
    env.BYOK_FEE_PERCENT = 5;
    const key = await liveKey();
    await saveCredential(key.accountId, bfl, unique("good-bfl"));
    const info = await pollingOnly(async () => {
      const taskId = await startSlowTask(key);
      await removeCredential(key.accountId, bfl);
      return waitForEnd(key.accountId, taskId);
    });
    expect(info).toMatchObject({ state: "fail", failCode: "credential_refused", costMicros: 0, byok: { ownKey: true, feeMicros: 1_750 } });
    expect(info.failMsg).toBe("Your Black Forest Labs API key was removed while this task ran, so its result cannot be fetched. Nothing was charged.");
    expect(await wallet(key.accountId)).toEqual({ availableMicros: BigInt(USD), reservedMicros: 0n });
    await expectConsistent(key.accountId);
  });

  it("whose key the upstream stops accepting mid-flight end uncharged with the reason", async () => {
    const key = await liveKey();
    await saveCredential(key.accountId, bfl, unique("good-bfl"));
    const info = await pollingOnly(async () => {
      const taskId = await startSlowTask(key);
      await db.providerCredential.deleteMany({ where: { accountId: key.accountId } });
      await storeUnchecked(key.accountId, bfl, unique("bad-bfl"));
      return waitForEnd(key.accountId, taskId);
    });
    expect(info).toMatchObject({ state: "fail", failCode: "credential_refused", costMicros: 0 });
    expect(info.failMsg).toMatch(/^Your Black Forest Labs key was refused while this task ran: bfl answered 401: .*Nothing was charged\.$/);
    await expectConsistent(key.accountId);
  });

  it("test keys still run free on the simulator's own credential", async () => {
    const accountId = await newAccount(0);
    const { keyId } = await newKey(accountId, { mode: "test" });
    const secret = unique("good-bfl");
    await saveCredential(accountId, bfl, secret);
    const { info } = await run({ accountId, keyId, mode: "test" }, "a test key");
    expect(info).toMatchObject({ state: "success", costMicros: 0, simulated: true });
    expect(info.byok).toBeUndefined();
    expect(callsWith(secret)).toHaveLength(1);
  });

  it("leave the ledger reconciled for every account", async () => {
    expect((await findDrift()).drift).toEqual([]);
    expect(await findHoldDrift()).toEqual([]);
    expect(await findSlotDrift()).toEqual([]);
  });
});
