import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetAccountKeys } from "@/lib/keys";
import { mediaStorage } from "@/lib/media/configured";
import { FINAL_DISPUTE_STATUSES } from "@/lib/payments/disputes";
import type { MediaStorage } from "@/lib/media/storage";
import { deleteAccountInput, type DeleteAccountInput } from "./schemas";

type Tx = Prisma.TransactionClient;

const IN_FLIGHT = ["waiting", "queuing", "generating"] as const;

export type DeletedAccount = { accountId: string; mediaFiles: number; mediaFilesFailed: number };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Refuses (409) while the account's tasks or disputes are still open; runs under the account's row lock. */
async function assertClosable(tx: Tx, accountId: string): Promise<void> {
  const [account] = await tx.$queryRaw<{ closedAt: Date | null }[]>`
    SELECT "closedAt" FROM "Account" WHERE "id" = ${accountId} FOR UPDATE`;
  if (!account || account.closedAt) throw new AppError("not_found", "This account is already closed.");
  const running = await tx.task.count({ where: { accountId, state: { in: [...IN_FLIGHT] } } });
  if (running > 0) {
    throw new AppError("conflict", `Wait for ${plural(running, "running task", "running tasks")} to finish, then try again.`);
  }
  const disputes = await tx.stripeDispute.count({ where: { accountId, status: { notIn: FINAL_DISPUTE_STATUSES } } });
  if (disputes > 0) {
    throw new AppError(
      "conflict",
      `A payment dispute on this account is still open (${plural(disputes, "dispute", "disputes")}). The account can be deleted once it is resolved.`,
    );
  }
}

/**
 * Closes the signed-in owner's account and erases the user, in one transaction: keys revoked,
 * credentials, secrets, the saved card, playground runs, prompts and sign-in links gone, the user's
 * email replaced so the address can sign up afresh (the sign-up credit stays spent: SignupGrant
 * keeps the canonical address). The ledger, holds, top-ups and the tasks' costs stay, as bookkeeping
 * law requires; the balance is left in the wallet for the operator to refund or forfeit. Media files
 * are deleted after the commit (storage is not transactional); one that fails is an orphan, which
 * the housekeeping job's orphan sweep deletes.
 */
export async function deleteAccount(
  user: { id: string; accountId: string },
  input: DeleteAccountInput,
  storage: MediaStorage = mediaStorage(),
): Promise<DeletedAccount> {
  const { confirmEmail, password } = deleteAccountInput.parse(input);
  const { accountId } = user;
  const found = await db.user.findUnique({
    where: { id: user.id },
    select: { email: true, passwordHash: true, memberships: { where: { accountId }, select: { role: true } } },
  });
  if (!found || found.memberships[0]?.role !== "owner") throw new AppError("forbidden", "Only the account's owner can delete it.");
  if (confirmEmail !== found.email) {
    throw new AppError("validation_error", "That is not this account's email. Type it exactly as shown.", { param: "confirmEmail" });
  }
  if (found.passwordHash && !(await verifyPassword(found.passwordHash, password ?? ""))) {
    throw new AppError("validation_error", "That password is not right.", { param: "password" });
  }

  const now = new Date();
  const files = await db.$transaction(async (tx) => {
    await assertClosable(tx, accountId);
    const taskIds = (await tx.task.findMany({ where: { accountId }, select: { id: true } })).map((t) => t.id);
    const media = await tx.media.findMany({ where: { accountId }, select: { storageKey: true, thumbKey: true } });
    // An admin may have pinned one of these images as a catalog example: the copy and its prompt go too.
    const examples = await tx.variantExample.findMany({ where: { sourceTaskId: { in: taskIds } }, select: { storageKey: true, thumbKey: true } });

    await tx.apiKey.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: now } });
    await tx.providerCredential.deleteMany({ where: { accountId } });
    await tx.playgroundRun.deleteMany({ where: { OR: [{ accountId }, { userId: user.id }] } });
    await tx.media.deleteMany({ where: { accountId } });
    await tx.variantExample.deleteMany({ where: { sourceTaskId: { in: taskIds } } });
    // Callback payloads and idempotent replays repeat the tasks' inputs and results.
    await tx.callbackDelivery.deleteMany({ where: { accountId } });
    await tx.idempotencyKey.deleteMany({ where: { accountId } });
    await tx.task.updateMany({ where: { accountId }, data: { input: {}, callbackUrl: null } });
    await tx.account.update({
      where: { id: accountId },
      data: {
        name: "Closed account",
        closedAt: now,
        // Nothing may start on the account any more, not even a task whose key check raced this.
        maxInFlightTasks: 0,
        webhookSecret: null,
        webhookSecretOld: null,
        webhookSecretOldUntil: null,
        // The Stripe customer id stays: refunds and disputes of past payments still arrive by it.
        stripePaymentMethodId: null,
        cardBrand: null,
        cardLast4: null,
        autoRechargeEnabled: false,
        autoRechargeThresholdMicros: null,
        autoRechargeAmountMicros: null,
        notifyBelowMicros: null,
      },
    });
    await tx.membership.deleteMany({ where: { OR: [{ accountId }, { userId: user.id }] } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.oAuthAccount.deleteMany({ where: { userId: user.id } });
    await tx.emailToken.deleteMany({ where: { userId: user.id } });
    await tx.verificationToken.deleteMany({ where: { identifier: found.email } });
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: `deleted-${user.id}@deleted.invalid`,
        name: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        role: "user",
        deletedAt: now,
        sessionVersion: { increment: 1 },
      },
    });
    return [...media, ...examples].flatMap((m) => [m.storageKey, m.thumbKey]);
  });

  await forgetAccountKeys(accountId);
  const results = await Promise.allSettled(files.map((key) => storage.delete(key)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed > 0) console.error(`[account] ${failed} of ${files.length} media files of ${accountId} could not be deleted`);
  return { accountId, mediaFiles: files.length - failed, mediaFilesFailed: failed };
}
