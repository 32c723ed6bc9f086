import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePassword, setPasswordByEmail } from "./password-change";
import { verifyPassword } from "./password";
import { assertSessionCurrent, endSessions, endSessionsByEmail, SESSION_MAX_AGE_SEC, stampNewSession } from "./session-version";
import { createUserWithAccount } from "./sign-up";

const password = "correct horse battery";

async function signedIn(): Promise<{ userId: string; email: string; token: JWT }> {
  const email = `session-${randomUUID()}@example.com`;
  const { userId } = await createUserWithAccount({ email, password });
  const token: JWT = { sub: userId };
  await stampNewSession(token, userId);
  return { userId, email, token };
}

describe("session versions", () => {
  it("a session stays current until its user signs out, then every copy of it is refused", async () => {
    const { userId, token } = await signedIn();
    const copy = { ...token };
    await expect(assertSessionCurrent(token)).resolves.toBeUndefined();
    await endSessions(userId);
    await expect(assertSessionCurrent(token)).rejects.toThrow("signed out, or the password changed");
    await expect(assertSessionCurrent(copy)).rejects.toThrow("signed out, or the password changed");
    // A new sign-in works again.
    const fresh: JWT = { sub: userId };
    await stampNewSession(fresh, userId);
    await expect(assertSessionCurrent(fresh)).resolves.toBeUndefined();
  });

  it("a password change ends the old sessions; the caller's new version is current", async () => {
    const { userId, token } = await signedIn();
    const { sessionVersion } = await changePassword(userId, { currentPassword: password, newPassword: "another long passphrase" });
    await expect(assertSessionCurrent(token)).rejects.toThrow(/password changed/);
    await expect(assertSessionCurrent({ ...token, sessionVersion })).resolves.toBeUndefined();
  });

  it("a password change needs the current password", async () => {
    const { userId, token } = await signedIn();
    await expect(changePassword(userId, { currentPassword: "not it at all", newPassword: "another long passphrase" })).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(assertSessionCurrent(token)).resolves.toBeUndefined();
  });

  it("the operator's reset and sign-out end sessions too", async () => {
    const { email, token, userId } = await signedIn();
    await setPasswordByEmail(email.toUpperCase(), "an operator chose this");
    await expect(assertSessionCurrent(token)).rejects.toThrow();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash, "an operator chose this")).toBe(true);

    const again: JWT = { sub: userId };
    await stampNewSession(again, userId);
    expect(await endSessionsByEmail(email)).toBe(true);
    await expect(assertSessionCurrent(again)).rejects.toThrow();
    expect(await endSessionsByEmail(`nobody-${randomUUID()}@example.com`)).toBe(false);
  });

  it("refreshing never keeps a session alive past 30 days from its sign-in, and old-style tokens are refused", async () => {
    const { token } = await signedIn();
    const later = token.signedInAt! + SESSION_MAX_AGE_SEC * 1000 + 1;
    await expect(assertSessionCurrent(token, later)).rejects.toThrow("older than 30 days");
    await expect(assertSessionCurrent({ sub: token.sub })).rejects.toThrow("from before session versions");
  });
});
