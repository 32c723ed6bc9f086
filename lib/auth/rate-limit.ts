import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consume, peek, refund, resetLimit, type RateLimitResult } from "@/lib/ratelimit";

// Password sign-in counts failures only. An address that fails often is refused (its own problem);
// an email that fails often from many addresses is slowed down, never locked: the real user, right
// password in hand, still gets in from their own address.
const failuresPerAddress = { points: 30, durationSec: 600 };
const failuresPerEmailAndAddress = { points: 5, durationSec: 900 };
const failuresPerEmail = { points: 1_000_000, durationSec: 3600 };
/** Failures of an email (from any address) before each attempt on it is slowed down. */
const FREE_FAILURES = 10;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

// Magic links send mail: capped per inbox and per address, so nobody floods someone's mailbox.
const linksPerEmail = { points: 5, durationSec: 900 };
const linksPerAddress = { points: 20, durationSec: 900 };

// Every sign-up carries the free grant, so scripted sign-ups from one address are capped.
const signUpPerAddress = { points: env.SIGNUPS_PER_ADDRESS_PER_HOUR, durationSec: 3600 };

function inMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const normalised = (email: string) => email.trim().toLowerCase();

/** How long an attempt on an email waits after `failures` failures on it: doubling, capped. */
export function signInDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/**
 * Runs a password check under the sign-in limits: refused when this address, or this address on
 * this email, failed too often; slowed down when the email failed often from anywhere. Each
 * attempt takes its points before the check (so parallel attempts cannot all slip under the
 * limit) and a success gives them back: only failures count, and a success clears this address's
 * failures on the email.
 */
export async function limitPasswordSignIn<T>(
  email: string,
  address: string,
  check: () => Promise<T | null>,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<T | null> {
  const who = normalised(email);
  const pair = `${who} ${address}`;
  const [byAddress, byPair, byEmail] = await Promise.all([
    consume("sign-in-fail-ip", address, failuresPerAddress),
    consume("sign-in-fail-pair", pair, failuresPerEmailAndAddress),
    peek("sign-in-fail-email", who, failuresPerEmail),
  ]);
  if (!byAddress.allowed || !byPair.allowed) {
    const windowSec = !byAddress.allowed ? failuresPerAddress.durationSec : failuresPerEmailAndAddress.durationSec;
    throw new AppError("rate_limited", `Too many failed sign-ins from this network, try again in ${inMinutes(windowSec)}`);
  }
  const delay = signInDelayMs(byEmail);
  if (delay > 0) await wait(delay);
  const result = await check();
  if (result === null) {
    await consume("sign-in-fail-email", who, failuresPerEmail);
  } else {
    await Promise.all([
      refund("sign-in-fail-ip", address, failuresPerAddress),
      resetLimit("sign-in-fail-pair", pair, failuresPerEmailAndAddress),
    ]);
  }
  return result;
}

function refusedFor(results: RateLimitResult[]): number {
  return Math.max(...results.filter((r) => !r.allowed).map((r) => r.retryAfterSec), 0);
}

/** Counts a magic-link request against the inbox and the address. */
export async function assertMagicLinkAllowed(email: string, address: string): Promise<void> {
  const results = await Promise.all([consume("magic-link", normalised(email), linksPerEmail), consume("magic-link-ip", address, linksPerAddress)]);
  const wait = refusedFor(results);
  if (wait > 0) throw new AppError("rate_limited", `Too many sign-in links requested, try again in ${inMinutes(wait)}`);
}

export async function assertSignUpAllowed(address: string): Promise<void> {
  const result = await consume("sign-up-ip", address, signUpPerAddress);
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many sign-ups from this network, try again in ${inMinutes(result.retryAfterSec)}`);
  }
}
