import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Nobody becomes admin by being first to reach a fresh instance: while it has no admin, every start
// prints a setup link (valid a day, once), and whoever opens it signed in becomes the admin. The
// operator can also run `npm run cli -- users:admin <email>`.
const SETUP_TTL_MS = 24 * 3_600_000;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh setup token while no admin exists (older unused ones stop working); null once one does. */
export async function issueSetupToken(): Promise<string | null> {
  if (await db.user.findFirst({ where: { role: "admin" }, select: { id: true } })) return null;
  const token = randomBytes(24).toString("base64url");
  await db.$transaction([db.setupToken.deleteMany({ where: { usedAt: null } }), db.setupToken.create({ data: { tokenHash: hashOf(token) } })]);
  return token;
}

/** Makes the signed-in user the admin, once, with a setup token, while no admin exists. */
export async function claimAdmin(userId: string, token: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lumigate:first-admin'))`;
    if (await tx.user.findFirst({ where: { role: "admin" }, select: { id: true } })) {
      throw new AppError("conflict", "This instance has an admin already; ask them to give you the role.");
    }
    const used = await tx.setupToken.updateMany({
      where: { tokenHash: hashOf(token), usedAt: null, createdAt: { gt: new Date(Date.now() - SETUP_TTL_MS) } },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) throw new AppError("validation_error", "This setup link is not valid (used, expired, or replaced by a newer one). Restart Lumigate for a new one.");
    await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
  });
}
