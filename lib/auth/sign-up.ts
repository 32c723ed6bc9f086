import "server-only";
import { openWallet } from "@/lib/billing";
import { db, Prisma } from "@/lib/db";
import type { UserRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { SendMail } from "@/lib/mail";
import { sendVerificationLink } from "./email-links";
import { hashPassword } from "./password";
import { assertSignUpAllowed } from "./rate-limit";
import { giveSignupGrant, grantPolicy, type GrantOutcome, type GrantPolicy } from "./signup-grant";
import { emailField, signUpInput, type SignUpInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type NewUser = {
  email: string;
  name?: string | null;
  passwordHash?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
};

const duplicateEmail = () =>
  new AppError("validation_error", "An account with this email already exists", { param: "email" });

/**
 * A user with their own billing account: the user, the account, an owner membership and a wallet,
 * inside the caller's transaction, with the sign-up credit when the policy gives it now (at sign-up,
 * or for an address already verified, as a magic link's is). Sign-up and the next-auth adapter
 * (GitHub, magic link) both create users through here.
 */
export async function insertUserWithAccount(
  tx: Tx,
  user: NewUser,
  policy: GrantPolicy = grantPolicy,
): Promise<{ userId: string; accountId: string; grant: GrantOutcome | "pending" }> {
  const email = user.email.trim().toLowerCase();
  const userId = newId("usr");
  const accountId = newId("acct");
  await tx.user.create({
    data: {
      id: userId,
      email,
      name: user.name ?? null,
      image: user.image ?? null,
      passwordHash: user.passwordHash ?? null,
      emailVerified: user.emailVerified ?? null,
    },
  });
  await tx.account.create({ data: { id: accountId, name: email, memberships: { create: { userId, role: "owner" } } } });
  await openWallet(tx, accountId, 0);
  const grantsNow = policy === "signup" || (policy === "verified" && user.emailVerified);
  const grant = grantsNow ? await giveSignupGrant(tx, { accountId, email }) : "pending";
  return { userId, accountId, grant };
}

/** Email-and-password sign-up, from the web form and from `npm run cli -- users:create`. */
export async function createUserWithAccount(
  input: SignUpInput,
  policy: GrantPolicy = grantPolicy,
): Promise<{ userId: string; accountId: string; grant: GrantOutcome | "pending" }> {
  const { email, password, name } = signUpInput.parse(input);
  // Checked first so a taken email costs no password hash; the unique index settles races.
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmail();
  const passwordHash = await hashPassword(password);
  try {
    const { userId, accountId, grant } = await db.$transaction((tx) => insertUserWithAccount(tx, { email, name, passwordHash }, policy));
    return { userId, accountId, grant };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function setUserRole(email: string, role: UserRole): Promise<void> {
  const normalized = emailField.parse(email);
  const updated = await db.user.updateMany({ where: { email: normalized }, data: { role } });
  if (updated.count === 0) throw new AppError("not_found", `No user with the email ${normalized}.`);
}

/**
 * The sign-up form's path: limited per client address, then the user, then (under the "verified"
 * policy) the link that confirms the address and releases the credit.
 */
export async function signUpFromAddress(
  input: SignUpInput,
  address: string,
  options: { policy?: GrantPolicy; send?: SendMail } = {},
): Promise<{ userId: string; accountId: string; grant: GrantOutcome | "pending" }> {
  await assertSignUpAllowed(address);
  const policy = options.policy ?? grantPolicy;
  const created = await createUserWithAccount(input, policy);
  if (policy === "verified") await sendVerificationLink(created.userId, options.send);
  return created;
}

/** An operator's approval under the "approval" policy (`npm run cli -- users:approve`). */
export async function approveSignupGrant(email: string): Promise<GrantOutcome> {
  const normalized = emailField.parse(email);
  const membership = await db.membership.findFirst({
    where: { user: { email: normalized }, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { accountId: true },
  });
  if (!membership) throw new AppError("not_found", `No user with the email ${normalized}.`);
  return db.$transaction((tx) => giveSignupGrant(tx, { accountId: membership.accountId, email: normalized }));
}
