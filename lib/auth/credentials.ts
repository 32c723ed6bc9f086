import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";

/** The user whose password this is, or null; as slow for unknown emails as for wrong passwords. */
export async function authenticateWithPassword(
  email: string,
  password: string,
): Promise<{ id: string; email: string; name: string | null } | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, password);
  return isValid && user ? { id: user.id, email: user.email, name: user.name } : null;
}
