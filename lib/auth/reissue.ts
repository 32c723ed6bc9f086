import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret, useSecureCookies } from "./config";
import { SESSION_MAX_AGE_SEC } from "./session-version";

// next-auth's own cookie name for JWT sessions (its session tokens are far below the size at
// which it splits them into chunks).
const cookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

/**
 * Re-signs this request's session cookie at a new session version, so that the session which
 * changed the password stays signed in while every other one ends.
 */
export async function reissueSessionCookie(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const current = jar.get(cookieName)?.value;
  const token = current ? await decode({ token: current, secret: authSecret() }) : null;
  if (!token) return;
  const value = await encode({ token: { ...token, sessionVersion }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SEC });
  jar.set(cookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: useSecureCookies,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SEC * 1000),
  });
}
