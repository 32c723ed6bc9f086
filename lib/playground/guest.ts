import "server-only";
import { randomBytes } from "node:crypto";
import { openWallet } from "@/lib/billing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/ratelimit";

// Signed-out visitors run the playground on the simulator, in one shared account that no one can
// sign in to (it has no memberships); each visitor's runs are told apart by a random cookie.

export const GUEST_COOKIE = "lg_playground_guest";
/** The visitors' account: fixed, so every instance finds the same one. */
export const VISITORS_ACCOUNT_ID = "acct_playground_visitors";
const VISITORS_MAX_IN_FLIGHT = 500;
const GUEST_COOKIE_MAX_AGE_SEC = 365 * 24 * 3600;
const guestIdPattern = /^[A-Za-z0-9_-]{24,64}$/;

let visitorsAccountReady: Promise<void> | null = null;

/** Creates the visitors' account and its (empty) wallet the first time a visitor runs something. */
export function ensureVisitorsAccount(): Promise<void> {
  visitorsAccountReady ??= db
    .$transaction(async (tx) => {
      const created = await tx.account.createMany({
        data: [{ id: VISITORS_ACCOUNT_ID, name: "Playground visitors", maxInFlightTasks: VISITORS_MAX_IN_FLIGHT }],
        skipDuplicates: true,
      });
      if (created.count === 1) await openWallet(tx, VISITORS_ACCOUNT_ID, 0);
    })
    .catch((error: unknown) => {
      visitorsAccountReady = null;
      throw error;
    });
  return visitorsAccountReady;
}

export function newGuestId(): string {
  return randomBytes(18).toString("base64url");
}

/** The visitor id the request's cookie carries, if it is well formed. */
export function guestIdFrom(headers: Headers): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === GUEST_COOKIE) {
      const id = value.join("=");
      return guestIdPattern.test(id) ? id : null;
    }
  }
  return null;
}

/** The Set-Cookie value that gives a visitor their id: unreadable by scripts, not sent by other sites' forms. */
export function guestCookie(guestId: string, secure: boolean): string {
  return `${GUEST_COOKIE}=${guestId}; Path=/; Max-Age=${GUEST_COOKIE_MAX_AGE_SEC}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Takes one run from the address's hourly allowance for signed-out visitors; 429 once it is spent. */
export async function limitGuestRuns(address: string): Promise<void> {
  const result = await consume("playground-guest", address, { points: env.PLAYGROUND_GUEST_RUNS_PER_HOUR, durationSec: 3600 });
  if (!result.allowed) {
    throw new AppError(
      "rate_limited",
      `Signed-out visitors can start ${result.limit} playground runs an hour from one address; retry in ${result.retryAfterSec} s, or sign in for more.`,
      { retryAfterSec: result.retryAfterSec },
    );
  }
}
