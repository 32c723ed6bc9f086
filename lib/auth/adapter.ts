import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { insertUserWithAccount } from "./sign-up";

const userFields = { id: true, email: true, emailVerified: true, name: true, image: true } as const;

type UserRow = { id: string; email: string; emailVerified: Date | null; name: string | null; image: string | null };

const toAdapterUser = (row: UserRow): AdapterUser => ({ ...row });

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * next-auth's adapter on Lumigate's tables. Its "Account" is our OAuthAccount (our Account is the
 * billing entity), and a user it creates (first GitHub or magic-link sign-in) gets an account,
 * membership and wallet exactly as a password sign-up does. Sessions are JWTs, so next-auth never
 * calls the session methods and they are left out; the Session table waits for database sessions.
 */
export function lumigateAdapter(): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      if (!user.email) throw new Error("The sign-in provider did not share an email address.");
      const { userId } = await db.$transaction((tx) =>
        insertUserWithAccount(tx, {
          email: user.email,
          name: user.name,
          image: user.image,
          emailVerified: user.emailVerified,
        }),
      );
      return toAdapterUser(await db.user.findUniqueOrThrow({ where: { id: userId }, select: userFields }));
    },

    async getUser(id) {
      const row = await db.user.findUnique({ where: { id }, select: userFields });
      return row && toAdapterUser(row);
    },

    async getUserByEmail(email) {
      const row = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: userFields });
      return row && toAdapterUser(row);
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const link = await db.oAuthAccount.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userFields } },
      });
      return link && toAdapterUser(link.user);
    },

    async updateUser({ id, name, image, emailVerified }) {
      const row = await db.user.update({ where: { id }, data: { name, image, emailVerified }, select: userFields });
      return toAdapterUser(row);
    },

    async linkAccount(account: AdapterAccount) {
      await db.oAuthAccount.create({
        data: {
          id: newId("oauth"),
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token,
          access_token: account.access_token,
          expires_at: account.expires_at,
          token_type: account.token_type,
          scope: account.scope,
          id_token: account.id_token,
          session_state: account.session_state,
        },
      });
    },

    async createVerificationToken(token) {
      return db.verificationToken.create({ data: token });
    },

    async useVerificationToken({ identifier, token }) {
      // Only the caller whose delete removed the row gets the token: a link opened twice at once
      // (a double click, a mail scanner) signs in once.
      const found = await db.verificationToken.findUnique({
        where: { identifier_token: { identifier, token } },
      });
      if (!found) return null;
      const deleted = await db.verificationToken.deleteMany({ where: { identifier, token } });
      return deleted.count === 1 ? found : null;
    },
  };
}
