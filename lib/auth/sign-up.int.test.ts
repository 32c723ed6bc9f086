import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env, signupGrantMicros } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticateWithPassword } from "./credentials";
import { scratchDatabase } from "@/lib/testing/sql";
import { createUserWithAccount, insertUserWithAccount, setUserRole } from "./sign-up";

// Other test files create users in this database at the same time: every email here is unique.
const uniqueEmail = (tag: string) => `${tag}-${randomUUID()}@example.com`;
const password = "correct horse battery";

describe("createUserWithAccount", () => {
  it("creates the user, an account they own and a wallet holding the sign-up grant, once", async () => {
    const email = uniqueEmail("Signup");
    const { userId, accountId } = await createUserWithAccount({ email: `  ${email.toUpperCase()} `, password, name: "Ada" });

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Ada" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.membership.findMany({ where: { userId } })).toEqual([
      expect.objectContaining({ accountId, role: "owner" }),
    ]);
    expect(await db.wallet.findUniqueOrThrow({ where: { accountId } })).toMatchObject({
      availableMicros: BigInt(signupGrantMicros),
      reservedMicros: 0n,
    });
    const ledger = await db.ledgerEntry.findMany({ where: { accountId } });
    expect(ledger).toEqual([expect.objectContaining({ kind: "grant", amountMicros: BigInt(signupGrantMicros) })]);
    expect(signupGrantMicros).toBe(10_000_000);
  });

  it("refuses an email that is taken, in any case, without a second account or grant", async () => {
    const email = uniqueEmail("dup");
    await createUserWithAccount({ email, password });
    const again = await createUserWithAccount({ email: email.toUpperCase(), password }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "validation_error", message: "An account with this email already exists" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets exactly one of several simultaneous sign-ups with one email through", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createUserWithAccount({ email, password })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ message: "An account with this email already exists" });
    }
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { accountId: user.memberships[0]!.accountId } })).toBe(1);
  });

  it("applies the password rules before writing anything", async () => {
    const email = uniqueEmail("weak");
    await expect(createUserWithAccount({ email, password: "aaaaaaaaaaaa" })).rejects.toBeInstanceOf(ZodError);
    await expect(createUserWithAccount({ email, password: email })).rejects.toBeInstanceOf(ZodError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("authenticateWithPassword", () => {
  it("accepts the right password only", async () => {
    const email = uniqueEmail("login");
    const { userId } = await createUserWithAccount({ email, password });
    expect(await authenticateWithPassword(email.toUpperCase(), password)).toEqual({ id: userId, email, name: null });
    expect(await authenticateWithPassword(email, `${password}!`)).toBeNull();
    expect(await authenticateWithPassword(uniqueEmail("nobody"), password)).toBeNull();
  });
});

describe("setUserRole", () => {
  it("makes a user admin and back, and names an unknown email", async () => {
    const email = uniqueEmail("role");
    const { userId } = await createUserWithAccount({ email, password });
    await setUserRole(` ${email.toUpperCase()}`, "admin");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("admin");
    await setUserRole(email, "user");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("user");
    await expect(setUserRole(uniqueEmail("ghost"), "admin")).rejects.toMatchObject({ code: "not_found" });
  });
});

// "First user" is a property of a whole database, and the shared one fills up concurrently, so
// this runs on a database of its own.
describe("the first user of an instance", () => {
  const scratch = scratchDatabase(env.DATABASE_URL!, "first_user");
  let fresh: PrismaClient;

  beforeAll(async () => {
    await scratch.create();
    await applyMigrations(scratch.url);
    fresh = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url }) });
  });

  afterAll(async () => {
    await fresh?.$disconnect();
    await scratch.drop();
  });

  it("is no admin: nobody becomes admin by being first (the setup link or the CLI makes one)", async () => {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fresh.$transaction((tx) => insertUserWithAccount(tx, { email: `first-${i}@example.com` })),
      ),
    );
    expect(created).toHaveLength(10);
    expect(await fresh.user.count({ where: { role: "admin" } })).toBe(0);
    expect(await fresh.wallet.count()).toBe(10);
  });
});
