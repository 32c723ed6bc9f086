import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordInput, emailField, passwordField, type ChangePasswordInput } from "./schemas";

/**
 * A signed-in user's new password. The current one must match when there is one (GitHub and
 * magic-link users may set a first password without). Every session ends, this one included:
 * the caller re-issues its own cookie with the returned session version.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = changePasswordInput.parse(input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword ?? ""))) {
    throw new AppError("validation_error", "Your current password is not right", { param: "currentPassword" });
  }
  const passwordHash = await hashPassword(newPassword);
  // Conditional on the hash it checked: two changes racing cannot both pass the same old password.
  const updated = await db.user.updateManyAndReturn({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  if (!updated[0]) throw new AppError("conflict", "The password was changed meanwhile; reload and try again.");
  return { sessionVersion: updated[0].sessionVersion };
}

/** The operator's reset (`npm run cli -- users:password`): a new password, and every session ends. */
export async function setPasswordByEmail(email: string, password: string): Promise<void> {
  const normalized = emailField.parse(email);
  const passwordHash = await hashPassword(passwordField.parse(password));
  const updated = await db.user.updateMany({ where: { email: normalized }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("not_found", `No user with the email ${normalized}.`);
}

export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
