import "server-only";
import { AppError } from "@/lib/errors";
import { consume, type RateLimitResult } from "@/lib/ratelimit";

const signInPerEmail = { points: 10, durationSec: 600 };
const signInPerIp = { points: 30, durationSec: 600 };
// Every sign-up carries the free grant, so scripted sign-ups from one address are capped.
const signUpPerIp = { points: 20, durationSec: 3600 };

/** The client's address as the first hop of X-Forwarded-For; "local" when nothing forwarded it. */
export function clientIp(forwardedFor: string | null | undefined): string {
  return forwardedFor?.split(",")[0]?.trim() || "local";
}

function inMinutes(results: RateLimitResult[]): string {
  const seconds = Math.max(...results.map((r) => r.retryAfterSec));
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Counts a sign-in attempt (password or magic link) against the email and the address. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const results = await Promise.all([
    consume("sign-in", email.trim().toLowerCase(), signInPerEmail),
    consume("sign-in-ip", ip, signInPerIp),
  ]);
  const refused = results.filter((r) => !r.allowed);
  if (refused.length > 0) {
    throw new AppError("rate_limited", `Too many sign-in attempts, try again in ${inMinutes(refused)}`);
  }
}

export async function assertSignUpAllowed(ip: string): Promise<void> {
  const result = await consume("sign-up-ip", ip, signUpPerIp);
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many sign-ups from this network, try again in ${inMinutes([result])}`);
  }
}
