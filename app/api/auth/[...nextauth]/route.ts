import { authGet, authPost } from "@/lib/http/next-auth-route";

// next-auth's own endpoints: sign-in callbacks, magic links, OAuth, CSRF token, session, sign-out.
export { authGet as GET, authPost as POST };
