import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { newId } from "@/lib/ids";
import { noSuchRun } from "./actors";
import type { RunView } from "./contract";
import { getRun } from "./runs";
import { readRun, toRunView } from "./view";

/** Publishes a run as a read-only link; sharing a shared run keeps its link. */
export async function shareRun(user: SessionUser, runId: string, baseUrl: string): Promise<RunView> {
  const shared = await db.playgroundRun.updateMany({
    where: { id: runId, accountId: user.accountId, shareId: null },
    data: { shareId: newId("shr"), sharedAt: new Date() },
  });
  if (shared.count === 0 && (await db.playgroundRun.count({ where: { id: runId, accountId: user.accountId } })) === 0) throw noSuchRun(runId);
  return getRun({ kind: "user", user }, runId, baseUrl);
}

/** Withdraws the link: it answers 404 from now on (sharing again makes a new one). */
export async function unshareRun(user: SessionUser, runId: string, baseUrl: string): Promise<RunView> {
  const unshared = await db.playgroundRun.updateMany({ where: { id: runId, accountId: user.accountId }, data: { shareId: null, sharedAt: null } });
  if (unshared.count === 0) throw noSuchRun(runId);
  return getRun({ kind: "user", user }, runId, baseUrl);
}

/** A shared run for anyone with its link, read only: no balance, and a blind run stays blind until its owner votes. */
export async function getSharedRun(shareId: string, baseUrl: string): Promise<RunView | null> {
  const run = await readRun(Prisma.sql`r."shareId" = ${shareId}`);
  return run && toRunView(run, baseUrl, false);
}
