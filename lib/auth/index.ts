import "server-only";

// What the rest of the app may use. Client components import `@/lib/auth/callback-url` and
// `@/lib/auth/password-rules` directly; the operator CLI imports `./sign-up` and `./lookup`, which
// need no Next.js request.

export { action, adminAction, publicAction, type ActionInput, type ActionResult } from "./action";
export { exportAccountTransactions, getAccountBalance, getAccountLedger, getAccountTransactions, updateSpendCaps } from "./account";
export { adjustAccountBalance, findAccountForAdmin, listRecentUsers, type AdminAccountView, type AdminUserRow } from "./admin";
export { DEFAULT_CALLBACK_URL, safeCallbackUrl } from "./callback-url";
export { authProviders, MAGIC_LINK_MAX_AGE_SEC } from "./config";
export { claimAdmin, issueSetupToken } from "./first-admin";
export { findAccountByEmail } from "./lookup";
export { endSessionsByEmail } from "./session-version";
export { changePassword, hasPassword, setPasswordByEmail } from "./password-change";
export { reissueSessionCookie } from "./reissue";
export { authOptions } from "./options";
export { getCurrentUser, requireAdmin, requireUser, type SessionUser } from "./session";
export { approveSignupGrant, createUserWithAccount, setUserRole, signUpFromAddress } from "./sign-up";
export { requestPasswordReset, resetPassword, sendVerificationLink, verifyEmail } from "./email-links";
export { grantPolicy, pendingGrant } from "./signup-grant";
