import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import type { EmailTokenPurpose } from "@/lib/db/generated/client";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new single-use token for a mailed link; only its hash is kept. */
export async function issueEmailToken(userId: string, purpose: EmailTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.emailToken.create({ data: { tokenHash: hashOf(token), userId, purpose, expiresAt: new Date(Date.now() + ttlMs) } });
  return token;
}

/**
 * Uses a token up in the caller's transaction: its user, or null when it is unknown, used already,
 * expired or meant for something else. The conditional update lets one of two racing uses win.
 */
export async function consumeEmailToken(tx: Prisma.TransactionClient, token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const used = await tx.emailToken.updateManyAndReturn({
    where: { tokenHash: hashOf(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
    select: { userId: true },
  });
  return used[0]?.userId ?? null;
}
