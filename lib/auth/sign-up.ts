import "server-only";
import { openWallet } from "@/lib/billing";
import { db, Prisma } from "@/lib/db";
import type { UserRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { sendMail, type SendMail } from "@/lib/mail";
import { authBaseUrl } from "./config";
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

export type SignUpAnswer = { next: "sign_in" } | { next: "check_inbox"; email: string };

/**
 * The sign-up form's path: limited per client address, then the user. Under the "verified" policy
 * (mail works) the answer is "check your inbox" whether or not the address had an account: a new
 * one gets the link that confirms it, an existing one's owner a note that someone tried. Without
 * mail there is nobody to tell, and a taken address is refused as such.
 */
export async function signUpFromAddress(
  input: SignUpInput,
  address: string,
  options: { policy?: GrantPolicy; send?: SendMail } = {},
): Promise<SignUpAnswer> {
  await assertSignUpAllowed(address);
  const policy = options.policy ?? grantPolicy;
  if (policy !== "verified") {
    await createUserWithAccount(input, policy);
    return { next: "sign_in" };
  }
  const email = emailField.parse(input.email);
  try {
    const created = await createUserWithAccount(input, policy);
    await sendVerificationLink(created.userId, options.send);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_error" && error.options.param === "email")) throw error;
    // As long as a new account takes (its password hash), so the time does not tell either.
    await hashPassword(input.password);
    await (options.send ?? sendMail)({
      to: email,
      subject: "Someone tried to sign up to Lumigate with your address",
      text: `Somebody (maybe you) tried to create a Lumigate account with ${email}, which already has one.\n\nIf it was you, sign in: ${authBaseUrl}/sign-in\nForgot your password? ${authBaseUrl}/forgot-password\n\nIf it was not you, ignore this mail; nothing changed.`,
    });
  }
  return { next: "check_inbox", email };
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
