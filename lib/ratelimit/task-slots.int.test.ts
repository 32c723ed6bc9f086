import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { acquireTaskSlot, releaseTaskSlot } from "./index";

async function newAccount(maxInFlightTasks = 24): Promise<string> {
  const id = newId("acct");
  await db.account.create({ data: { id, name: "slots test", maxInFlightTasks } });
  return id;
}

const inFlight = async (id: string) => (await db.account.findUniqueOrThrow({ where: { id } })).inFlightTasks;

describe("task slots", () => {
  it("grants exactly 24 of 50 concurrent acquires against a cap of 24", async () => {
    const accountId = await newAccount(24);
    const results = await Promise.all(Array.from({ length: 50 }, () => acquireTaskSlot(accountId)));
    expect(results.filter(Boolean)).toHaveLength(24);
    expect(await inFlight(accountId)).toBe(24);
  });

  it("frees a slot on release, and never counts below zero", async () => {
    const accountId = await newAccount(2);
    expect(await acquireTaskSlot(accountId)).toBe(true);
    expect(await acquireTaskSlot(accountId)).toBe(true);
    expect(await acquireTaskSlot(accountId)).toBe(false);
    await releaseTaskSlot(accountId);
    expect(await inFlight(accountId)).toBe(1);
    expect(await acquireTaskSlot(accountId)).toBe(true);
    await Promise.all(Array.from({ length: 5 }, () => releaseTaskSlot(accountId)));
    expect(await inFlight(accountId)).toBe(0);
  });

  it("keeps accounts apart, and refuses an unknown account", async () => {
    const full = await newAccount(1);
    const other = await newAccount(1);
    expect(await acquireTaskSlot(full)).toBe(true);
    expect(await acquireTaskSlot(full)).toBe(false);
    expect(await acquireTaskSlot(other)).toBe(true);
    expect(await acquireTaskSlot("acct_nosuchaccount")).toBe(false);
  });
});
