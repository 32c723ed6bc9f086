import "server-only";
import { getBalance, type Balance } from "@/lib/billing";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { operatorCredit } from "@/lib/payments";
import type { SessionUser } from "./session-user";

export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  createdAt: Date;
  accountId: string | null;
};

export type AdminAccountView = { user: AdminUserRow & { accountId: string }; accountName: string; balance: Balance };

// Pages check the role too (requireAdmin); checking here as well keeps a forgotten page check from
// opening every account.
function assertAdmin(user: SessionUser): void {
  if (user.role !== "admin") throw new AppError("not_found", "Not found.");
}

const userRow = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  memberships: { orderBy: { createdAt: "asc" }, take: 1, select: { accountId: true, account: { select: { name: true } } } },
} as const;

type UserWithMembership = Omit<AdminUserRow, "accountId"> & { memberships: { accountId: string }[] };

function toRow({ memberships, ...user }: UserWithMembership): AdminUserRow {
  return { ...user, accountId: memberships[0]?.accountId ?? null };
}

export async function findAccountForAdmin(admin: SessionUser, email: string): Promise<AdminAccountView | null> {
  assertAdmin(admin);
  const found = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: userRow });
  const membership = found?.memberships[0];
  if (!found || !membership) return null;
  return {
    user: { ...toRow(found), accountId: membership.accountId },
    accountName: membership.account.name,
    balance: await getBalance(membership.accountId),
  };
}

export async function listRecentUsers(admin: SessionUser, { limit }: { limit: number }): Promise<AdminUserRow[]> {
  assertAdmin(admin);
  const users = await db.user.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: userRow });
  return users.map(toRow);
}

/** An adjustment (positive or negative) recorded in the ledger with the admin as its actor. */
export async function adjustAccountBalance(
  admin: SessionUser,
  input: { accountId: string; amountMicros: number; reason: string },
): Promise<{ entryId: string; availableMicros: number }> {
  assertAdmin(admin);
  const { entryId } = await operatorCredit("adjustment", {
    accountId: input.accountId,
    amountMicros: input.amountMicros,
    memo: input.reason,
    actorUserId: admin.id,
  });
  const { availableMicros } = await getBalance(input.accountId);
  return { entryId, availableMicros };
}
