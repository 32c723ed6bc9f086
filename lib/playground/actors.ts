import "server-only";
import { z } from "zod";
import { useSecureCookies } from "@/lib/auth/config";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { guestCookie, guestIdFrom, newGuestId } from "./guest";
import type { PlaygroundActor } from "./runs";

// What the playground's routes share: their path parameters and who is asking.

const id = z.string().min(1).max(40);
export const runParams = z.object({ runId: id });
export const paneParams = z.object({ runId: id, paneId: id });

/** The signed-in user, else the visitor the cookie names; null for a visitor who has none yet (nothing is theirs). */
export function actorOf(user: SessionUser | null, headers: Headers): PlaygroundActor | null {
  if (user) return { kind: "user", user };
  const guestId = guestIdFrom(headers);
  return guestId ? { kind: "guest", guestId } : null;
}

/** As actorOf, but a visitor without a cookie gets a new id, with the Set-Cookie that gives it to them. */
export function actorOrNewGuest(user: SessionUser | null, req: Request): { actor: PlaygroundActor; setCookie: string | null } {
  const actor = actorOf(user, req.headers);
  if (actor) return { actor, setCookie: null };
  const guestId = newGuestId();
  // Behind a TLS-terminating proxy the request itself is plain http: the public URL decides, as for sessions.
  return { actor: { kind: "guest", guestId }, setCookie: guestCookie(guestId, useSecureCookies) };
}

/** A run that cannot be the asker's: the same 404 as a run that does not exist. */
export function noSuchRun(runId: string): AppError {
  return new AppError("not_found", `No playground run ${runId} here.`, { param: "runId" });
}

/** Sharing and history belong to an account: a visitor is asked to sign in. */
export function signedIn(user: SessionUser | null, toDo: string): SessionUser {
  if (!user) throw new AppError("unauthorized", `Sign in to ${toDo}.`);
  return user;
}
