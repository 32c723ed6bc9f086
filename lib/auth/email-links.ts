import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMail, type SendMail } from "@/lib/mail";
import { consume } from "@/lib/ratelimit";
import { authBaseUrl } from "./config";
import { consumeEmailToken, issueEmailToken } from "./email-tokens";
import { hashPassword } from "./password";
import { emailField, passwordField } from "./schemas";
import { giveSignupGrant, grantPolicy, type GrantOutcome, type GrantPolicy } from "./signup-grant";

const VERIFY_TTL_MS = 24 * 3_600_000;
const RESET_TTL_MS = 30 * 60_000;
const linksPerUser = { points: 3, durationSec: 3600 };
const resetsPerAddress = { points: 10, durationSec: 3600 };

const link = (path: string, token: string) => `${authBaseUrl}${path}?${new URLSearchParams({ token })}`;

/** Mails the owner of `userId` a link that confirms their address (and gives the credit, if pending). */
export async function sendVerificationLink(userId: string, send: SendMail = sendMail): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user || user.emailVerified) return;
  if (!(await consume("verify-link", userId, linksPerUser)).allowed) {
    throw new AppError("rate_limited", "We sent three links in the last hour; check your inbox (and spam folder), or try again later.");
  }
  const token = await issueEmailToken(userId, "verify_email", VERIFY_TTL_MS);
  await send({
    to: user.email,
    subject: "Confirm your email for Lumigate",
    text: `Open this link to confirm your address (it works once, for 24 hours):\n\n${link("/verify-email", token)}\n\nIf you did not sign up, ignore this mail.`,
  });
}

/** Confirms the address a verification link was sent to; gives the sign-up credit under the "verified" policy. */
export async function verifyEmail(token: string, policy: GrantPolicy = grantPolicy): Promise<{ email: string; grant: GrantOutcome | "not_by_verification" } | null> {
  return db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "verify_email");
    if (!userId) return null;
    const user = await tx.user.update({
      where: { id: userId },
      data: { emailVerified: new Date() },
      select: { email: true, memberships: { where: { role: "owner" }, orderBy: { createdAt: "asc" }, take: 1, select: { accountId: true } } },
    });
    const accountId = user.memberships[0]?.accountId;
    if (policy !== "verified" || !accountId) return { email: user.email, grant: "not_by_verification" as const };
    return { email: user.email, grant: await giveSignupGrant(tx, { accountId, email: user.email }) };
  });
}

/**
 * "Forgot password?": mails a single-use link, valid 30 minutes, when the address has an account.
 * The caller answers the same either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(email: string, address: string, send: SendMail = sendMail): Promise<void> {
  const normalized = emailField.parse(email);
  if (!(await consume("reset-ip", address, resetsPerAddress)).allowed) {
    throw new AppError("rate_limited", "Too many reset requests from this network; try again in an hour.");
  }
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (!user || !(await consume("reset-user", user.id, linksPerUser)).allowed) return;
  const token = await issueEmailToken(user.id, "reset_password", RESET_TTL_MS);
  // Not awaited: the answer must come as fast for an address with an account as for one without.
  void send({
    to: normalized,
    subject: "Reset your Lumigate password",
    text: `Open this link to choose a new password (it works once, for 30 minutes):\n\n${link("/reset-password", token)}\n\nSetting it signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.`,
  }).catch((error: unknown) => console.error(`[auth] could not mail a reset link to ${normalized}`, error));
}

/** Sets the password a reset link was sent for, and ends every session of the user. */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(passwordField.parse(password));
  const email = await db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "reset_password");
    if (!userId) return null;
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    return user.email;
  });
  if (!email) throw new AppError("validation_error", "This reset link was used already or has expired. Ask for a new one.");
  return { email };
}
