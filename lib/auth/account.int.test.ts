import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adjustBalance } from "@/lib/billing";
import { db } from "@/lib/db";
import { getAccountBalance, getAccountLedger, updateSpendCaps } from "./account";
import { adjustAccountBalance, findAccountForAdmin, listRecentUsers } from "./admin";
import { loadSessionUser, type SessionUser } from "./session-user";
import { createUserWithAccount, setUserRole } from "./sign-up";

const uniqueEmail = (tag: string) => `${tag}-${randomUUID()}@example.com`;

async function signUp(tag: string): Promise<SessionUser> {
  const { userId, accountId } = await createUserWithAccount({ email: uniqueEmail(tag), password: "correct horse battery" });
  const user = await loadSessionUser(userId, accountId);
  if (!user) throw new Error("no session user");
  return user;
}

describe("dashboard data is the session's account's only", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([signUp("alice"), signUp("bob")]);
    await adjustBalance({ accountId: bob.accountId, amountMicros: 5_000_000, memo: "bob only", actorUserId: bob.id });
    await updateSpendCaps(bob, { dailyMicros: 1_000_000, monthlyMicros: 2_000_000 });
  });

  it("shows A their own balance and caps, not B's", async () => {
    expect(await getAccountBalance(alice)).toMatchObject({
      availableMicros: 10_000_000,
      caps: { dailyMicros: null, monthlyMicros: null },
    });
    expect(await getAccountBalance(bob)).toMatchObject({
      availableMicros: 15_000_000,
      caps: { dailyMicros: 1_000_000, monthlyMicros: 2_000_000 },
    });
  });

  it("lists A's ledger without B's entries", async () => {
    const ledger = await getAccountLedger(alice, { limit: 100 });
    expect(ledger.map((e) => e.kind)).toEqual(["grant"]);
    expect(ledger.some((e) => e.memo === "bob only")).toBe(false);
    expect((await getAccountLedger(bob, { limit: 100 })).map((e) => e.memo)).toEqual(["bob only", "Sign-up credit"]);
  });

  it("changes only A's caps when A saves caps", async () => {
    await updateSpendCaps(alice, { dailyMicros: 5_000_000, monthlyMicros: null });
    expect((await getAccountBalance(alice)).caps).toEqual({ dailyMicros: 5_000_000, monthlyMicros: null });
    expect((await getAccountBalance(bob)).caps).toEqual({ dailyMicros: 1_000_000, monthlyMicros: 2_000_000 });
  });
});

describe("loadSessionUser", () => {
  it("re-reads the role, and drops a deleted user or a removed membership at once", async () => {
    const user = await signUp("session");
    expect(user).toEqual({ id: user.id, email: user.email, name: null, role: "user", accountId: expect.stringMatching(/^acct_/) });
    await setUserRole(user.email, "admin");
    expect(await loadSessionUser(user.id, user.accountId)).toMatchObject({ role: "admin" });
    await setUserRole(user.email, "user");
    expect(await loadSessionUser(user.id, user.accountId)).toMatchObject({ role: "user" });

    await db.membership.deleteMany({ where: { userId: user.id } });
    expect(await loadSessionUser(user.id, user.accountId)).toBeNull();
    const other = await signUp("session-deleted");
    await db.user.delete({ where: { id: other.id } });
    expect(await loadSessionUser(other.id, other.accountId)).toBeNull();
  });

  it("never opens an account the user is not a member of", async () => {
    const [carol, dave] = await Promise.all([signUp("carol"), signUp("dave")]);
    expect(await loadSessionUser(carol.id, dave.accountId)).toMatchObject({ accountId: carol.accountId });
  });
});

describe("admin functions", () => {
  it("refuse a non-admin", async () => {
    const mallory = await signUp("mallory");
    const victim = await signUp("victim");
    await expect(findAccountForAdmin(mallory, victim.email)).rejects.toMatchObject({ code: "not_found" });
    await expect(listRecentUsers(mallory, { limit: 5 })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      adjustAccountBalance(mallory, { accountId: victim.accountId, amountMicros: 1_000_000, reason: "free money" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getAccountBalance(victim)).availableMicros).toBe(10_000_000);
  });

  it("find an account by email, adjust it with the admin as actor, and refuse to go below zero", async () => {
    const admin = { ...(await signUp("admin")), role: "admin" as const };
    const customer = await signUp("Customer");

    const found = await findAccountForAdmin(admin, customer.email.toUpperCase());
    expect(found).toMatchObject({
      user: { id: customer.id, email: customer.email, accountId: customer.accountId },
      balance: { availableMicros: 10_000_000 },
    });
    expect(await findAccountForAdmin(admin, uniqueEmail("nobody"))).toBeNull();

    expect(
      await adjustAccountBalance(admin, { accountId: customer.accountId, amountMicros: -2_500_000, reason: "refund of test credit" }),
    ).toMatchObject({ availableMicros: 7_500_000 });
    const [entry] = await getAccountLedger(customer, { limit: 1 });
    expect(entry).toMatchObject({ kind: "adjustment", amountMicros: -2_500_000, memo: "refund of test credit" });
    expect(await db.ledgerEntry.findUniqueOrThrow({ where: { id: entry!.id } })).toMatchObject({ actorUserId: admin.id });

    await expect(
      adjustAccountBalance(admin, { accountId: customer.accountId, amountMicros: -8_000_000, reason: "too much" }),
    ).rejects.toMatchObject({ code: "insufficient_credits" });
    expect((await getAccountBalance(customer)).availableMicros).toBe(7_500_000);

    const recent = await listRecentUsers(admin, { limit: 500 });
    expect(recent.find((u) => u.id === customer.id)).toMatchObject({ accountId: customer.accountId, role: "user" });
  });
});
