import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signupGrantMicros } from "@/lib/env";
import { lumigateAdapter } from "./adapter";

const adapter = lumigateAdapter();
const uniqueEmail = (tag: string) => `${tag}-${randomUUID()}@example.com`;

describe("lumigateAdapter", () => {
  it("gives a user created by GitHub or a magic link an account, membership and granted wallet", async () => {
    const email = uniqueEmail("GitHub");
    const user = await adapter.createUser!({ email, emailVerified: null, name: "Octo Cat", image: "https://example.com/a.png" });
    expect(user).toEqual({
      id: expect.stringMatching(/^usr_/),
      email: email.toLowerCase(),
      emailVerified: null,
      name: "Octo Cat",
      image: "https://example.com/a.png",
    });
    const [membership, ...others] = await db.membership.findMany({ where: { userId: user.id } });
    expect(others).toEqual([]);
    expect(membership).toMatchObject({ role: "owner", accountId: expect.stringMatching(/^acct_/) });
    const wallet = await db.wallet.findUniqueOrThrow({ where: { accountId: membership!.accountId } });
    expect(wallet.availableMicros).toBe(BigInt(signupGrantMicros));
    expect(await db.ledgerEntry.count({ where: { accountId: membership!.accountId, kind: "grant" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("finds users by id, by email in any case and by a linked GitHub account", async () => {
    const email = uniqueEmail("lookup");
    const user = await adapter.createUser!({ email, emailVerified: null });
    expect(await adapter.getUser!(user.id)).toEqual(user);
    expect(await adapter.getUserByEmail!(email.toUpperCase())).toEqual(user);
    expect(await adapter.getUser!("usr_missing")).toBeNull();
    expect(await adapter.getUserByEmail!(uniqueEmail("missing"))).toBeNull();

    const providerAccountId = randomUUID();
    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId,
      access_token: "gho_x",
      token_type: "bearer",
      scope: "read:user,user:email",
    });
    expect(await adapter.getUserByAccount!({ provider: "github", providerAccountId })).toEqual(user);
    expect(await adapter.getUserByAccount!({ provider: "github", providerAccountId: randomUUID() })).toBeNull();
    expect(await db.oAuthAccount.findFirstOrThrow({ where: { providerAccountId } })).toMatchObject({
      id: expect.stringMatching(/^oauth_/),
      userId: user.id,
    });
  });

  it("records a verified email", async () => {
    const user = await adapter.createUser!({ email: uniqueEmail("verify"), emailVerified: null });
    const verifiedAt = new Date("2026-11-21T10:00:00Z");
    expect(await adapter.updateUser!({ id: user.id, emailVerified: verifiedAt })).toEqual({ ...user, emailVerified: verifiedAt });
  });

  it("hands a verification token out once, even to simultaneous callers", async () => {
    const identifier = uniqueEmail("magic");
    const token = { identifier, token: randomUUID(), expires: new Date(Date.now() + 60_000) };
    expect(await adapter.createVerificationToken!(token)).toEqual(token);
    const uses = await Promise.all(Array.from({ length: 5 }, () => adapter.useVerificationToken!({ identifier, token: token.token })));
    expect(uses.filter(Boolean)).toEqual([token]);
    expect(await adapter.useVerificationToken!({ identifier, token: token.token })).toBeNull();
  });
});
