import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GithubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/ratelimit";
import { lumigateAdapter } from "./adapter";
import { authBaseUrl, authProviders, authSecret, MAGIC_LINK_MAX_AGE_SEC, useSecureCookies } from "./config";
import { authenticateWithPassword } from "./credentials";
import { assertMagicLinkAllowed, limitPasswordSignIn } from "./rate-limit";
import { signInInput } from "./schemas";
import { primaryAccountId } from "./session-user";
import { assertSessionCurrent, endSessions, SESSION_MAX_AGE_SEC, SessionEndedError, stampNewSession } from "./session-version";


const credentials = CredentialsProvider({
  id: "credentials",
  name: "Email and password",
  credentials: {
    email: { label: "Email", type: "email" },
    password: { label: "Password", type: "password" },
  },
  async authorize(input, req) {
    const parsed = signInInput.safeParse(input ?? {});
    if (!parsed.success) return null;
    // next-auth puts a thrown error's message in the sign-in URL: only our own messages may go there.
    try {
      const { email, password } = parsed.data;
      return await limitPasswordSignIn(email, clientAddress(req.headers ?? {}), () => authenticateWithPassword(email, password));
    } catch (error) {
      if (error instanceof AppError) throw new Error(error.message);
      console.error("[auth] password sign-in failed", error);
      throw new Error("Sign-in is not working right now. Try again in a minute.");
    }
  },
});

function providers(): Provider[] {
  const list: Provider[] = [credentials];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(GithubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (authProviders.email) {
    list.push(
      EmailProvider({
        server: env.EMAIL_SERVER ?? "",
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_SEC,
        // Without SMTP (development only) the link goes to the server log instead of a mailbox.
        ...(env.EMAIL_SERVER
          ? {}
          : {
              sendVerificationRequest: ({ identifier, url }) => {
                console.log(`[auth] Sign-in link for ${identifier}: ${url}`);
              },
            }),
      }),
    );
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  adapter: lumigateAdapter(),
  providers: providers(),
  // Credentials sign-in works only with JWT sessions in next-auth v4.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SEC },
  useSecureCookies,
  // A getter so that `next build`, which imports this module without a secret, does not fail.
  get secret() {
    return authSecret();
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error(code, metadata) {
      // An ended session is the expected answer to an old cookie, not an error worth a stack trace.
      if (metadata instanceof SessionEndedError || (metadata as { error?: unknown })?.error instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn: (code) => console.warn(`[next-auth][warn][${code}]`),
    debug: () => {},
  },
  events: {
    // Signing out ends this user's sessions everywhere: a copied cookie stops working too.
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub).catch((error: unknown) => console.error("[auth] could not end sessions on sign-out", error));
    },
  },
  callbacks: {
    async signIn({ user, email }) {
      if (!email?.verificationRequest) return true;
      try {
        await assertMagicLinkAllowed(user.email ?? "", clientAddress(await headers()));
        return true;
      } catch (error) {
        if (error instanceof AppError) return `${authBaseUrl}/sign-in?${new URLSearchParams({ error: error.message })}`;
        throw error;
      }
    },
    async jwt({ token, user }) {
      if (user) {
        token.accountId = (await primaryAccountId(user.id)) ?? undefined;
        await stampNewSession(token, user.id);
      } else {
        // Throwing makes next-auth clear the cookie and answer "no session".
        await assertSessionCurrent(token);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, accountId: token.accountId };
    },
  },
};
