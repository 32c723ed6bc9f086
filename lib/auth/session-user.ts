import "server-only";
import { db } from "@/lib/db";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  accountId: string;
};

/**
 * The signed-in user as the database has them now, not as the session cookie remembers them: a
 * deleted user, a revoked admin or a removed membership loses access on the next request. Prefers
 * the account the session was opened on; otherwise the user's oldest membership.
 */
export async function loadSessionUser(userId: string, preferredAccountId?: string): Promise<SessionUser | null> {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { accountId: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  const membership = memberships.find((m) => m.accountId === preferredAccountId) ?? memberships[0];
  if (!membership) return null;
  return { ...membership.user, accountId: membership.accountId };
}

/** The account a new session opens on: the user's oldest membership. */
export async function primaryAccountId(userId: string): Promise<string | null> {
  const membership = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { accountId: true },
  });
  return membership?.accountId ?? null;
}
