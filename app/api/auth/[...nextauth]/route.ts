import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

// next-auth's own endpoints: sign-in callbacks, magic links, OAuth, CSRF token, session, sign-out.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
