import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The billing account a user owns, by the user's email: for operator commands. */
export async function findAccountByEmail(email: string): Promise<{ userId: string; accountId: string }> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, memberships: { where: { role: "owner" }, select: { accountId: true }, take: 1 } },
  });
  const accountId = user?.memberships[0]?.accountId;
  if (!user || !accountId) throw new AppError("not_found", `No user with the email ${email}.`);
  return { userId: user.id, accountId };
}
