import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import {
  adjustBalance,
  capture,
  findDrift,
  getBalance,
  grantCredits,
  listLedger,
  openWallet,
  release,
  reserve,
  setAccountCaps,
} from "./index";

const USD = 1_000_000;

async function newAccount(opts: { balanceMicros?: number; dailyCapMicros?: number; monthlyCapMicros?: number } = {}) {
  const accountId = newId("acct");
  await db.$transaction(async (tx) => {
    await tx.account.create({
      data: {
        id: accountId,
        name: "test",
        dailyCapMicros: opts.dailyCapMicros === undefined ? null : BigInt(opts.dailyCapMicros),
        monthlyCapMicros: opts.monthlyCapMicros === undefined ? null : BigInt(opts.monthlyCapMicros),
      },
    });
    await openWallet(tx, accountId, opts.balanceMicros ?? 10 * USD);
  });
  return accountId;
}

async function newKey(accountId: string, dailyCapMicros: number | null = null, rolledFromId: string | null = null) {
  const id = newId("key");
  await db.apiKey.create({
    data: {
      id,
      accountId,
      name: "k",
      mode: "live",
      hash: newId("key"),
      start: "lg_live_test",
      scopes: ["generate"],
      dailyCapMicros: dailyCapMicros === null ? null : BigInt(dailyCapMicros),
      rolledFromId,
    },
  });
  return id;
}

async function expectReconciled(accountId: string) {
  const { checked, drift } = await findDrift([accountId]);
  expect(checked).toBe(1);
  expect(drift).toEqual([]);
}

function errorCode(error: unknown) {
  return error instanceof AppError ? error.code : String(error);
}

describe("reserve", () => {
  it("100 concurrent $0.03 reserves against a $1.00 daily cap succeed exactly 33 times", async () => {
    const accountId = await newAccount({ balanceMicros: 10 * USD, dailyCapMicros: 1 * USD });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => reserve({ accountId, amountMicros: 30_000, taskId: newId("task") })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(33);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [errorCode(r.reason)] : []));
    expect(new Set(failures)).toEqual(new Set(["spend_cap_reached"]));

    const balance = await getBalance(accountId);
    expect(balance).toMatchObject({
      availableMicros: 10 * USD - 990_000,
      reservedMicros: 990_000,
      spent: { todayMicros: 990_000, monthMicros: 990_000 },
    });
    await expectReconciled(accountId);
  });

  it("100 concurrent reserves against a $1.00 balance never overdraw it", async () => {
    const accountId = await newAccount({ balanceMicros: 1 * USD });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => reserve({ accountId, amountMicros: 30_000, taskId: newId("task") })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(33);
    expect(results.filter((r) => r.status === "rejected").every((r) => errorCode(r.reason) === "insufficient_credits")).toBe(true);
    expect((await getBalance(accountId)).availableMicros).toBe(10_000);
    await expectReconciled(accountId);
  });

  it.each([
    ["insufficient_credits", { balanceMicros: 20_000 }, null],
    ["spend_cap_reached", { dailyCapMicros: 20_000 }, null],
    ["spend_cap_reached", { monthlyCapMicros: 20_000 }, null],
    ["key_limit_exceeded", {}, 20_000],
  ] as const)("fails with %s and changes nothing", async (code, opts, keyCap) => {
    const accountId = await newAccount(opts);
    const apiKeyId = await newKey(accountId, keyCap);
    const before = await getBalance(accountId, apiKeyId);
    const error = await reserve({ accountId, apiKeyId, amountMicros: 30_000, taskId: newId("task") }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code });
    expect(await getBalance(accountId, apiKeyId)).toEqual(before);
    expect(await db.hold.count({ where: { accountId } })).toBe(0);
    await expectReconciled(accountId);
  });

  it("counts against the key's own daily window and the account's", async () => {
    const accountId = await newAccount();
    const apiKeyId = await newKey(accountId, 100_000);
    await reserve({ accountId, apiKeyId, amountMicros: 60_000, taskId: newId("task") });
    await expect(reserve({ accountId, apiKeyId, amountMicros: 60_000, taskId: newId("task") })).rejects.toMatchObject({
      code: "key_limit_exceeded",
    });
    // Another key of the same account is not limited by the first key's cap.
    await reserve({ accountId, apiKeyId: await newKey(accountId, 100_000), amountMicros: 60_000, taskId: newId("task") });
    expect((await getBalance(accountId, apiKeyId)).spent).toEqual({ todayMicros: 120_000, monthMicros: 120_000, keyTodayMicros: 60_000 });
  });

  it("a rolled key and its successors share one daily key cap", async () => {
    const accountId = await newAccount();
    const original = await newKey(accountId, 100_000);
    const successor = await newKey(accountId, 100_000, original);
    const third = await newKey(accountId, 100_000, successor);
    await reserve({ accountId, apiKeyId: original, amountMicros: 60_000, taskId: newId("task") });
    await expect(reserve({ accountId, apiKeyId: third, amountMicros: 60_000, taskId: newId("task") })).rejects.toMatchObject({
      code: "key_limit_exceeded",
    });
    const taskId = newId("task");
    await reserve({ accountId, apiKeyId: successor, amountMicros: 40_000, taskId });
    expect((await getBalance(accountId, third)).spent.keyTodayMicros).toBe(100_000);
    expect(await release(taskId)).toBe(true);
    expect((await getBalance(accountId, original)).spent.keyTodayMicros).toBe(60_000);
    await expectReconciled(accountId);
  });

  it("daily caps reset at UTC midnight; the month's cap still counts", async () => {
    const accountId = await newAccount({ dailyCapMicros: 50_000, monthlyCapMicros: 80_000 });
    const lateNight = new Date("2026-11-21T23:59:59.000Z");
    const nextMorning = new Date("2026-11-22T00:00:01.000Z");
    await reserve({ accountId, amountMicros: 40_000, taskId: newId("task"), now: lateNight });
    await expect(reserve({ accountId, amountMicros: 40_000, taskId: newId("task"), now: lateNight })).rejects.toMatchObject({
      code: "spend_cap_reached",
    });
    await reserve({ accountId, amountMicros: 40_000, taskId: newId("task"), now: nextMorning });
    await expect(reserve({ accountId, amountMicros: 10_000, taskId: newId("task"), now: nextMorning })).rejects.toMatchObject({
      message: expect.stringContaining("Monthly"),
    });
    const december = new Date("2026-12-01T00:00:00.000Z");
    await reserve({ accountId, amountMicros: 40_000, taskId: newId("task"), now: december });
  });

  it("refuses a second reservation for the same task", async () => {
    const accountId = await newAccount();
    const taskId = newId("task");
    await reserve({ accountId, amountMicros: 10_000, taskId });
    await expect(reserve({ accountId, amountMicros: 10_000, taskId })).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect((await getBalance(accountId)).reservedMicros).toBe(10_000);
    await expectReconciled(accountId);
  });
});

describe("capture and release", () => {
  it("racing captures and releases of one task settle it exactly once, ten times over", async () => {
    for (let round = 0; round < 10; round++) {
      const accountId = await newAccount();
      const taskId = newId("task");
      await reserve({ accountId, amountMicros: 50_000, taskId });
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? capture(taskId, 50_000) : release(taskId))),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const entries = await db.ledgerEntry.findMany({ where: { taskId, kind: { in: ["capture", "release"] } } });
      expect(entries).toHaveLength(1);
      const balance = await getBalance(accountId);
      expect(balance.reservedMicros).toBe(0);
      expect(balance.availableMicros).toBe(entries[0]!.kind === "capture" ? 10 * USD - 50_000 : 10 * USD);
      await expectReconciled(accountId);
    }
  });

  it("a capture below the hold returns the rest to the balance and the spend windows", async () => {
    const accountId = await newAccount({ dailyCapMicros: 100_000 });
    const taskId = newId("task");
    await reserve({ accountId, amountMicros: 80_000, taskId });
    expect(await capture(taskId, 30_000)).toBe(true);
    expect(await getBalance(accountId)).toMatchObject({
      availableMicros: 10 * USD - 30_000,
      reservedMicros: 0,
      spent: { todayMicros: 30_000 },
    });
    await reserve({ accountId, amountMicros: 70_000, taskId: newId("task") });
    await expectReconciled(accountId);
  });

  it("a release frees the spend it had counted", async () => {
    const accountId = await newAccount({ dailyCapMicros: 50_000 });
    const taskId = newId("task");
    await reserve({ accountId, amountMicros: 50_000, taskId });
    expect(await release(taskId)).toBe(true);
    expect(await release(taskId)).toBe(false);
    expect(await capture(taskId, 50_000)).toBe(false);
    await reserve({ accountId, amountMicros: 50_000, taskId: newId("task") });
  });

  it("refuses to capture more than was held, and leaves the hold open", async () => {
    const accountId = await newAccount();
    const taskId = newId("task");
    await reserve({ accountId, amountMicros: 10_000, taskId });
    await expect(capture(taskId, 10_001)).rejects.toMatchObject({ code: "validation_error" });
    expect(await capture(taskId, 10_000)).toBe(true);
    await expectReconciled(accountId);
  });

  it("settling an unknown task is a no-op", async () => {
    expect(await capture("task_unknown", 1)).toBe(false);
    expect(await release("task_unknown")).toBe(false);
  });
});

describe("grants, adjustments and the ledger", () => {
  it("an adjustment may not take the balance below zero", async () => {
    const accountId = await newAccount({ balanceMicros: 1_000 });
    await expect(adjustBalance({ accountId, amountMicros: -2_000, memo: "too much" })).rejects.toMatchObject({
      code: "insufficient_credits",
    });
    await adjustBalance({ accountId, amountMicros: -1_000, memo: "correction" });
    await grantCredits({ accountId, amountMicros: 5_000, memo: "goodwill", externalRef: "ticket-1" });
    await expect(grantCredits({ accountId, amountMicros: 5_000, memo: "again", externalRef: "ticket-1" })).rejects.toThrow();
    const ledger = await listLedger(accountId, { limit: 10 });
    expect(ledger.map((e) => [e.kind, e.amountMicros])).toEqual([
      ["grant", 5_000],
      ["adjustment", -1_000],
      ["grant", 1_000],
    ]);
    expect((await getBalance(accountId)).availableMicros).toBe(5_000);
    await expectReconciled(accountId);
  });

  it("caps are set and cleared", async () => {
    const accountId = await newAccount();
    await setAccountCaps(accountId, { dailyMicros: 5 * USD, monthlyMicros: null });
    expect((await getBalance(accountId)).caps).toEqual({ dailyMicros: 5 * USD, monthlyMicros: null });
    await expect(setAccountCaps(accountId, { dailyMicros: -1, monthlyMicros: null })).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(setAccountCaps("acct_nobody", { dailyMicros: null, monthlyMicros: null })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("reconcile reports an account whose wallet was changed outside the ledger", async () => {
    const accountId = await newAccount();
    await db.wallet.update({ where: { accountId }, data: { availableMicros: { increment: 1n } } });
    const { drift } = await findDrift([accountId]);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ accountId, availableMicros: 10_000_001n, ledgerTotalMicros: 10_000_000n });
  });
});

describe("model: random sequences keep the invariants", () => {
  type Op =
    | { kind: "reserve"; amount: number }
    | { kind: "capture"; task: number; fraction: number }
    | { kind: "release"; task: number }
    | { kind: "grant"; amount: number }
    | { kind: "adjust"; amount: number };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("reserve" as const), amount: fc.integer({ min: 1, max: 400_000 }) }),
    fc.record({ kind: fc.constant("capture" as const), task: fc.nat(20), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant("release" as const), task: fc.nat(20) }),
    fc.record({ kind: fc.constant("grant" as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
    fc.record({ kind: fc.constant("adjust" as const), amount: fc.integer({ min: -500_000, max: 500_000 }).filter((n) => n !== 0) }),
  );

  it("available >= 0, caps hold, and the ledger matches the wallet after every step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const dailyCap = 1_000_000;
        const accountId = await newAccount({ balanceMicros: 1_000_000, dailyCapMicros: dailyCap });
        const tasks: { id: string; amount: number }[] = [];
        for (const step of ops) {
          try {
            if (step.kind === "reserve") {
              const id = newId("task");
              await reserve({ accountId, amountMicros: step.amount, taskId: id });
              tasks.push({ id, amount: step.amount });
            } else if (step.kind === "capture" || step.kind === "release") {
              const task = tasks[step.task % Math.max(tasks.length, 1)];
              if (!task) continue;
              if (step.kind === "capture") await capture(task.id, Math.floor(task.amount * step.fraction));
              else await release(task.id);
            } else if (step.kind === "grant") {
              await grantCredits({ accountId, amountMicros: step.amount, memo: "model" });
            } else {
              await adjustBalance({ accountId, amountMicros: step.amount, memo: "model" });
            }
          } catch (error) {
            expect(["insufficient_credits", "spend_cap_reached"]).toContain(errorCode(error));
          }
          const balance = await getBalance(accountId);
          expect(balance.availableMicros).toBeGreaterThanOrEqual(0);
          expect(balance.spent.todayMicros).toBeLessThanOrEqual(dailyCap);
          await expectReconciled(accountId);
        }
      }),
      { numRuns: 25 },
    );
  });
});
