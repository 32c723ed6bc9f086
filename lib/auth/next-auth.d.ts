import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId?: string;
    accountId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    sessionVersion?: number;
    /** Epoch ms of the sign-in that opened this session. */
    signedInAt?: number;
  }
}
