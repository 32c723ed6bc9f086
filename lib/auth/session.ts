import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { authOptions } from "./options";
import { loadSessionUser, type SessionUser } from "./session-user";

export type { SessionUser } from "./session-user";

/** Who is signed in, checked against the database once per request; null when no one (any more). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // Marks the page as rendered per request before next-auth reads the secret, which `next build`
  // (prerendering) does not have.
  await connection();
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  return loadSessionUser(session.userId, session.accountId);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Admin pages answer 404 to everyone else, so they do not advertise that they exist. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}
