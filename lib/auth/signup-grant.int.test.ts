import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signupGrantMicros } from "@/lib/env";
import { clientAddress, PEER_HEADER } from "@/lib/ratelimit/client-address";
import type { Mail } from "@/lib/mail";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { canonicalEmail } from "./canonical-email";
import { requestPasswordReset, resetPassword, verifyEmail } from "./email-links";
import { verifyPassword } from "./password";
import { createUserWithAccount, signUpFromAddress } from "./sign-up";
import { giveSignupGrant } from "./signup-grant";

withScratchDatabase("grants");

const password = "correct horse battery";
const unique = (tag: string) => `${tag}-${randomUUID()}@example.com`;

function inbox() {
  const mails: Mail[] = [];
  const send = async (mail: Mail) => void mails.push(mail);
  const lastToken = () => new URL(/https?:\/\/\S+/.exec(mails.at(-1)?.text ?? "")![0]).searchParams.get("token")!;
  return { mails, send, lastToken };
}

async function accountOf(email: string): Promise<string> {
  const membership = await db.membership.findFirstOrThrow({ where: { user: { email: email.toLowerCase() } }, select: { accountId: true } });
  return membership.accountId;
}

async function available(email: string): Promise<bigint> {
  return (await db.wallet.findUniqueOrThrow({ where: { accountId: await accountOf(email) } })).availableMicros;
}

describe("the sign-up credit", () => {
  it("50 sign-ups from one socket with rotating X-Forwarded-For earn 20 grants: the address is the socket's", async () => {
    const outcomes: string[] = [];
    const emails: string[] = [];
    for (let i = 0; i < 50; i++) {
      const headers = new Headers({ [PEER_HEADER]: "203.0.113.50", "x-forwarded-for": `198.18.${i}.1` });
      const email = unique(`farm${i}`);
      emails.push(email);
      const result = await signUpFromAddress({ email, password }, clientAddress(headers), { policy: "signup" }).then(
        (r) => r.next,
        (e: { code?: string }) => e.code ?? "error",
      );
      outcomes.push(result);
    }
    expect(outcomes.filter((o) => o === "sign_in")).toHaveLength(20);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(30);
    const grants = await db.ledgerEntry.count({ where: { kind: "grant", account: { memberships: { some: { user: { email: { in: emails } } } } } } });
    expect(grants).toBe(20);
  });

  it("the instance-wide hourly cap holds across addresses, however many race", async () => {
    const before = await db.signupGrant.count();
    const accounts = await Promise.all(Array.from({ length: 12 }, (_, i) => createUserWithAccount({ email: unique(`cap${i}`), password }, "approval")));
    const outcomes = await Promise.all(
      accounts.map((a, i) => db.$transaction((tx) => giveSignupGrant(tx, { accountId: a.accountId, email: unique(`cap-grant${i}`) }, before + 5))),
    );
    expect(outcomes.filter((o) => o === "granted")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "paused")).toHaveLength(7);
  });

  it("with mail on, none before the address is verified; then once per inbox, dots and plus tags folded", async () => {
    const mail = inbox();
    const local = `fo.o${Math.random().toString(36).slice(2, 8)}`;
    const first = await signUpFromAddress({ email: `${local}@gmail.com`, password }, "198.51.100.1", { policy: "verified", send: mail.send });
    expect(first).toEqual({ next: "check_inbox", email: `${local}@gmail.com` });
    expect(await available(`${local}@gmail.com`)).toBe(0n);
    expect(mail.mails[0]).toMatchObject({ to: `${local}@gmail.com`, subject: "Confirm your email for Lumigate" });
    const token = mail.lastToken();
    expect(await verifyEmail(token, "verified")).toMatchObject({ grant: "granted" });
    expect(await available(`${local}@gmail.com`)).toBe(BigInt(signupGrantMicros));
    expect(await verifyEmail(token, "verified")).toBeNull();

    const twin = `${local.replaceAll(".", "")}+again@googlemail.com`;
    expect(canonicalEmail(twin)).toBe(canonicalEmail(`${local}@gmail.com`));
    await signUpFromAddress({ email: twin, password }, "198.51.100.2", { policy: "verified", send: mail.send });
    expect(await verifyEmail(mail.lastToken(), "verified")).toMatchObject({ grant: "already_granted" });
    expect(await available(twin)).toBe(0n);
  });

  it("with mail on, signing up with a taken address answers as for a new one and tells the owner instead", async () => {
    const mail = inbox();
    const email = unique("taken");
    await createUserWithAccount({ email, password }, "verified");
    const again = await signUpFromAddress({ email, password: "a different passphrase" }, "198.51.100.3", { policy: "verified", send: mail.send });
    expect(again).toEqual({ next: "check_inbox", email });
    expect(mail.mails).toEqual([expect.objectContaining({ to: email, subject: "Someone tried to sign up to Lumigate with your address" })]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("password reset links", () => {
  it("work once, end every session, and lapse after 30 minutes; unknown addresses get no mail and the same answer", async () => {
    const mail = inbox();
    const email = unique("reset");
    const { userId } = await createUserWithAccount({ email, password }, "signup");
    await requestPasswordReset(email.toUpperCase(), "198.51.100.7", mail.send);
    expect(mail.mails).toHaveLength(1);
    const token = mail.lastToken();
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await resetPassword(token, "a fresh passphrase here");
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(after.passwordHash, "a fresh passphrase here")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(resetPassword(token, "yet another passphrase")).rejects.toThrow("used already or has expired");

    await requestPasswordReset(email, "198.51.100.7", mail.send);
    await db.emailToken.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(resetPassword(mail.lastToken(), "yet another passphrase")).rejects.toThrow("used already or has expired");

    await expect(requestPasswordReset(unique("nobody"), "198.51.100.7", mail.send)).resolves.toBeUndefined();
    expect(mail.mails).toHaveLength(2);
  });
});
