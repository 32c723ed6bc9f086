import { afterEach, describe, expect, it } from "vitest";
import { GET as getModel } from "@/app/api/v1/models/[...id]/route";
import { findDrift, spendPeriods } from "@/lib/billing";
import { saveCredential, setFallback } from "@/lib/byok/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { createTask } from "@/lib/tasks";
import { findHoldDrift, findSlotDrift } from "@/lib/tasks/reconcile";
import { tierPanelProps } from "./tier-status";
import { call, getRequest, newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { waitForEnd, withGenerationStack } from "@/lib/testing/generation-stack";

// Volume tiers through the real lumigate_create_task: the month's spend (seeded into the account's
// SpendWindow as if earlier tasks had spent it) decides the price held, in the statement that holds it.
// flux-2-pro (text to image, 1K) lists at $0.035 over an upstream cost of $0.030: its floor is $0.033.
withGenerationStack("tiers", { webhooks: true });

const model = "flux-2-pro";
const proTiers = [35_000, 34_500, 34_000, 33_500, 33_000];
const accounts: string[] = [];

afterEach(() => {
  env.PRICING_MODEL = "tiers";
  env.BYOK_FEE_PERCENT = 0;
});

async function liveKey(monthSpentMicros: number, balanceMicros = 1 * USD, mode: "live" | "test" = "live") {
  const accountId = await newAccount(balanceMicros);
  accounts.push(accountId);
  const { keyId } = await newKey(accountId, { mode });
  if (monthSpentMicros > 0) {
    await db.spendWindow.create({
      data: { scope: `account:${accountId}`, period: spendPeriods(new Date()).month, spentMicros: BigInt(monthSpentMicros) },
    });
  }
  return { accountId, keyId, mode };
}

const create = (key: Awaited<ReturnType<typeof liveKey>>, prompt = "a lighthouse") =>
  createTask({ key, model, input: { prompt }, surface: "task_api" });

async function held(taskId: string) {
  const [task, hold] = await Promise.all([
    db.task.findUniqueOrThrow({ where: { id: taskId }, select: { priceMicros: true, byokFeeMicros: true } }),
    db.hold.findUnique({ where: { taskId }, select: { amountMicros: true } }),
  ]);
  return { price: Number(task.priceMicros), hold: hold === null ? null : Number(hold.amountMicros), fee: task.byokFeeMicros };
}

describe("volume tiers at the hold", () => {
  it.each([
    [0, 0],
    [49_999_999, 0],
    [50_000_000, 1],
    [199_999_999, 1],
    [200_000_000, 2],
    [999_999_999, 2],
    [1_000_000_000, 3],
    [4_999_999_999, 3],
    [5_000_000_000, 4],
    [40_000_000_000, 4],
  ])("a month spend of %i micro-USD holds tier %i's price", async (spent, tier) => {
    const key = await liveKey(spent);
    const { taskId } = await create(key);
    expect(await held(taskId)).toEqual({ price: proTiers[tier], hold: proTiers[tier], fee: null });
    const window = await db.spendWindow.findUniqueOrThrow({
      where: { scope_period: { scope: `account:${key.accountId}`, period: spendPeriods(new Date()).month } },
    });
    expect(Number(window.spentMicros)).toBe(spent + proTiers[tier]!);
  });

  it("a task that crosses a boundary lowers the next task's price, and recordInfo charges each its own", async () => {
    const key = await liveKey(50 * USD - proTiers[0]!);
    const first = await create(key);
    const second = await create(key);
    expect((await held(first.taskId)).hold).toBe(proTiers[0]);
    expect((await held(second.taskId)).hold).toBe(proTiers[1]);
    expect((await waitForEnd(key.accountId, first.taskId)).costMicros).toBe(proTiers[0]);
    expect((await waitForEnd(key.accountId, second.taskId)).costMicros).toBe(proTiers[1]);
    const wallet = await db.wallet.findUniqueOrThrow({ where: { accountId: key.accountId } });
    expect(Number(wallet.availableMicros)).toBe(USD - proTiers[0]! - proTiers[1]!);
  });

  it("concurrent creates take turns: each is priced by the spend of those before it", async () => {
    const key = await liveKey(50 * USD - 2 * proTiers[0]!);
    const tasks = await Promise.all(Array.from({ length: 6 }, (_, i) => create(key, `crowd ${i}`)));
    const prices = await Promise.all(tasks.map(async (t) => (await held(t.taskId)).hold));
    expect(prices.sort((a, b) => b! - a!)).toEqual([...Array(2).fill(proTiers[0]), ...Array(4).fill(proTiers[1])]);
  });

  it("the 402 names the tier's price", async () => {
    const key = await liveKey(50 * USD, proTiers[1]! - 1);
    await expect(create(key)).rejects.toMatchObject({
      code: "insufficient_credits",
      message: "Insufficient credits: this costs $0.0345 and the available balance is lower. Top up to continue.",
    });
  });

  it("test keys stay free at any spend", async () => {
    const key = await liveKey(5_000 * USD, 1 * USD, "test");
    const { taskId } = await create(key);
    expect(await held(taskId)).toEqual({ price: 0, hold: null, fee: null });
    expect((await waitForEnd(key.accountId, taskId)).costMicros).toBe(0);
  });

  it("a BYOK task holds only its fee, of the list price; with fallback it holds the tier price", async () => {
    env.BYOK_FEE_PERCENT = 10;
    const key = await liveKey(5_000 * USD);
    await saveCredential(key.accountId, "black-forest-labs", `good-bfl-${newId("cred").slice(5)}`);
    const own = await create(key);
    expect(await held(own.taskId)).toEqual({ price: 3_500, hold: 3_500, fee: 3_500n });
    expect((await waitForEnd(key.accountId, own.taskId)).costMicros).toBe(3_500);

    await setFallback(key.accountId, "black-forest-labs", true);
    const fallback = await create(key);
    expect(await held(fallback.taskId)).toEqual({ price: proTiers[4], hold: proTiers[4], fee: 3_500n });
    expect((await waitForEnd(key.accountId, fallback.taskId)).costMicros).toBe(3_500);
  });

  it("pass-through pricing holds the upstream cost whatever the spend", async () => {
    env.PRICING_MODEL = "passthrough";
    const key = await liveKey(5_000 * USD);
    const { taskId } = await create(key);
    expect(await held(taskId)).toEqual({ price: 30_000, hold: 30_000, fee: null });
    expect((await waitForEnd(key.accountId, taskId)).costMicros).toBe(30_000);
  });

  it("GET /v1/models/{id} states the list price and the tier prices; the upstream's price and no tiers under pass-through", async () => {
    const answer = await call(getModel, getRequest("http://gateway.test/api/v1/models/flux-2-pro", null), { id: "flux-2-pro" });
    expect(answer.status).toBe(200);
    expect(answer.body.pricing).toMatchObject({ price_micros: 35_000, model: "tiers" });
    expect(answer.body.pricing.tiers).toEqual([
      { name: "Standard", min_month_spend_micros: 0, price_micros: 35_000, price_usd: 0.035 },
      { name: "Plus", min_month_spend_micros: 50 * USD, price_micros: 34_500, price_usd: 0.0345 },
      { name: "Growth", min_month_spend_micros: 200 * USD, price_micros: 34_000, price_usd: 0.034 },
      { name: "Scale", min_month_spend_micros: 1000 * USD, price_micros: 33_500, price_usd: 0.0335 },
      { name: "Volume", min_month_spend_micros: 5000 * USD, price_micros: 33_000, price_usd: 0.033 },
    ]);
    env.PRICING_MODEL = "passthrough";
    const passthrough = await call(getModel, getRequest("http://gateway.test/api/v1/models/flux-2-pro", null), { id: "flux-2-pro" });
    expect(passthrough.body.pricing).toMatchObject({ price_micros: 30_000, model: "passthrough", tiers: null });
  });

  it("the billing panel reads the same month window the hold does", async () => {
    const key = await liveKey(123_450_000);
    await create(key);
    expect(await tierPanelProps(key.accountId)).toEqual({
      pricingModel: "tiers",
      feePercent: 0,
      spentMicros: 123_450_000 + proTiers[1]!,
      example: { name: "FLUX.2 [pro]", priceMicros: 35_000, upstreamCostMicros: 30_000 },
    });
    expect((await tierPanelProps(newId("acct"))).spentMicros).toBe(0);
  });

  it("leaves every account reconciled once its tasks end", async () => {
    const tasks = await db.task.findMany({ where: { accountId: { in: accounts } }, select: { id: true, accountId: true } });
    for (const t of tasks) await waitForEnd(t.accountId, t.id);
    expect((await findDrift(accounts)).drift).toEqual([]);
    expect(await findHoldDrift(accounts)).toEqual([]);
    expect(await findSlotDrift(accounts)).toEqual([]);
  });
});
