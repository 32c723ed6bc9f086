import "server-only";
import { creditIn } from "@/lib/billing";
import { db, type Prisma } from "@/lib/db";
import { env, signupGrantMicros } from "@/lib/env";
import { mailAvailable } from "@/lib/mail";
import { canonicalEmail } from "./canonical-email";

export type GrantPolicy = "verified" | "signup" | "approval";
export type GrantOutcome = "granted" | "already_granted" | "paused" | "off";

export const grantPolicy: GrantPolicy = env.SIGNUP_GRANT_POLICY ?? (mailAvailable ? "verified" : "signup");

/**
 * The sign-up credit for `email`'s inbox into `accountId`, in the caller's transaction: at most
 * once per canonical address, and at most `perHour` across the instance (taken under one advisory
 * lock, so the count is exact however many sign-ups race).
 */
export async function giveSignupGrant(
  tx: Prisma.TransactionClient,
  target: { accountId: string; email: string },
  perHour: number = env.SIGNUP_GRANTS_PER_HOUR,
): Promise<GrantOutcome> {
  if (signupGrantMicros === 0) return "off";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lumigate:signup-grants'))`;
  const lastHour = await tx.signupGrant.count({ where: { createdAt: { gt: new Date(Date.now() - 3_600_000) } } });
  if (lastHour >= perHour) return "paused";
  const inserted = await tx.signupGrant.createMany({
    data: { canonicalEmail: canonicalEmail(target.email), accountId: target.accountId, amountMicros: BigInt(signupGrantMicros) },
    skipDuplicates: true,
  });
  if (inserted.count === 0) return "already_granted";
  await creditIn(tx, "grant", {
    accountId: target.accountId,
    amountMicros: signupGrantMicros,
    memo: "Sign-up credit",
    externalRef: `signup:${target.accountId}`,
  });
  return "granted";
}

/** What the dashboard tells a user whose sign-up credit is still to come; null when nothing is. */
export async function pendingGrant(user: { id: string; accountId: string }): Promise<"verify_email" | "approval" | null> {
  if (signupGrantMicros === 0 || grantPolicy === "signup") return null;
  if (grantPolicy === "verified") {
    const found = await db.user.findUnique({ where: { id: user.id }, select: { emailVerified: true } });
    return found && !found.emailVerified ? "verify_email" : null;
  }
  return (await db.signupGrant.findFirst({ where: { accountId: user.accountId }, select: { accountId: true } })) ? null : "approval";
}
