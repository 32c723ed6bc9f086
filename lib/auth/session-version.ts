import "server-only";
import type { JWT } from "next-auth/jwt";
import { db, type Prisma } from "@/lib/db";

/**
 * Sessions are JWT cookies (next-auth's credentials sign-in needs them), which nothing can take
 * back once issued. So each carries the user's session version and its sign-in time; raising the
 * version (sign-out, a password change, an admin's revoke) ends every cookie issued before, and no
 * cookie outlives SESSION_MAX_AGE_SEC from its sign-in however often it is refreshed.
 */
export const SESSION_MAX_AGE_SEC = 30 * 24 * 60 * 60;

export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`session ended: ${reason}`);
    this.name = "SessionEndedError";
  }
}

/** The stamp a new session's token carries. */
export async function stampNewSession(token: JWT, userId: string, now = Date.now()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  token.sessionVersion = user?.sessionVersion ?? 0;
  token.signedInAt = now;
}

/** Throws SessionEndedError unless the token is still one the user's current version allows. */
export async function assertSessionCurrent(token: JWT, now = Date.now()): Promise<void> {
  if (!token.sub || typeof token.sessionVersion !== "number" || typeof token.signedInAt !== "number") {
    throw new SessionEndedError("a token from before session versions");
  }
  if (now - token.signedInAt > SESSION_MAX_AGE_SEC * 1000) throw new SessionEndedError("older than 30 days");
  const user = await db.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } });
  if (!user) throw new SessionEndedError("the user no longer exists");
  if (user.sessionVersion !== token.sessionVersion) throw new SessionEndedError("signed out, or the password changed");
}

/** Ends every session of the user; returns the new version. */
export async function endSessions(userId: string, tx: Prisma.TransactionClient = db): Promise<number> {
  const { sessionVersion } = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return sessionVersion;
}

/** An operator's revoke (`npm run cli -- users:sign-out`): every session of the user ends. */
export async function endSessionsByEmail(email: string): Promise<boolean> {
  const updated = await db.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { sessionVersion: { increment: 1 } } });
  return updated.count > 0;
}
