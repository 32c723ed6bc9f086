import "server-only";
import { db } from "@/lib/db";
import { newSigningSecret } from "./sign";

/** How long the previous secret keeps signing beside the new one after a roll. */
export const ROLL_GRACE_MS = 24 * 3_600_000;

/**
 * The secrets an account's callbacks are signed with, newest first: one, or two during a roll.
 * The first use creates the secret; a conditional update keeps concurrent first uses to one.
 */
export async function signingSecrets(accountId: string, now = new Date()): Promise<string[]> {
  let account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { webhookSecret: true, webhookSecretOld: true, webhookSecretOldUntil: true },
  });
  if (!account.webhookSecret) {
    await db.account.updateMany({ where: { id: accountId, webhookSecret: null }, data: { webhookSecret: newSigningSecret() } });
    account = await db.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { webhookSecret: true, webhookSecretOld: true, webhookSecretOldUntil: true },
    });
  }
  const rolling = account.webhookSecretOld && account.webhookSecretOldUntil && account.webhookSecretOldUntil > now;
  return [account.webhookSecret!, ...(rolling ? [account.webhookSecretOld!] : [])];
}

/** A new secret; the old one keeps signing for ROLL_GRACE_MS so receivers can switch without a gap. */
export async function rollSigningSecret(accountId: string, now = new Date()): Promise<string> {
  const [current] = await signingSecrets(accountId, now);
  const next = newSigningSecret();
  await db.account.update({
    where: { id: accountId },
    data: { webhookSecret: next, webhookSecretOld: current, webhookSecretOldUntil: new Date(now.getTime() + ROLL_GRACE_MS) },
  });
  return next;
}

/** What Settings shows: the current secret, and until when the previous one still signs. */
export async function signingSecretView(accountId: string, now = new Date()): Promise<{ secret: string; previousValidUntil: Date | null }> {
  const [secret] = await signingSecrets(accountId, now);
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { webhookSecretOldUntil: true } });
  const until = account.webhookSecretOldUntil;
  return { secret: secret!, previousValidUntil: until && until > now ? until : null };
}
