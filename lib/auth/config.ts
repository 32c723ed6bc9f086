import "server-only";
import { env, publicUrl } from "@/lib/env";
import { storedAuthSecret } from "./secret-file";

/** The origin next-auth builds its links on; the launcher passes the same value as NEXTAUTH_URL. */
export const authBaseUrl = env.NEXTAUTH_URL ?? publicUrl;

// Decided once for next-auth and the proxy alike: they must agree on the cookie's name, which
// gains a `__Secure-` prefix with the Secure flag.
export const useSecureCookies = authBaseUrl.startsWith("https://");

const testSecret = "lumigate-test-secret-only-valid-when-NODE_ENV-is-test";

/**
 * Signs and encrypts session cookies, and signs our own links. The launcher always sets it; a
 * worker or CLI started beside it finds the one it generated in DATA_DIR; only tests go without.
 */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "test") return testSecret;
  const stored = storedAuthSecret();
  if (stored) return stored;
  throw new Error(
    "NEXTAUTH_SECRET is not set. Start Lumigate with `npm start` or `npm run dev` (which generate one), or set it to 32+ random characters.",
  );
}

export const MAGIC_LINK_MAX_AGE_SEC = 30 * 60;

export const authProviders = {
  github: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
  email: Boolean(env.EMAIL_SERVER) || env.NODE_ENV === "development",
};
