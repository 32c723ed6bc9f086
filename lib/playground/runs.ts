import "server-only";
import { randomInt } from "node:crypto";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { formatUsd } from "@/lib/catalog/pricing";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { cancelTask, insertTask, variantForRequest } from "@/lib/tasks";
import type { GenerationVariant } from "@/lib/tasks/variants";
import { noSuchRun } from "./actors";
import type { createRunSchema, RunView, voteSchema } from "./contract";
import { ensureVisitorsAccount, VISITORS_ACCOUNT_ID } from "./guest";
import { ownParams, paneInput } from "./pane-input";
import { runPriceMicros } from "./prices";
import { readRun, type RunRecord, toRunView } from "./view";

/** Who is using the playground: a signed-in user (their account), or a visitor known by cookie. */
export type PlaygroundActor = { kind: "user"; user: SessionUser } | { kind: "guest"; guestId: string };

type CreateRun = z.output<typeof createRunSchema>;
type Pane = CreateRun["panes"][number];

const accountOf = (actor: PlaygroundActor) => (actor.kind === "user" ? actor.user.accountId : VISITORS_ACCOUNT_ID);

function ownedBy(actor: PlaygroundActor): Prisma.Sql {
  return actor.kind === "user"
    ? Prisma.sql`r."accountId" = ${actor.user.accountId}`
    : Prisma.sql`r."accountId" = ${VISITORS_ACCOUNT_ID} AND r."guestId" = ${actor.guestId}`;
}

async function readOwnRun(actor: PlaygroundActor, runId: string): Promise<RunRecord> {
  const run = await readRun(Prisma.sql`r."id" = ${runId} AND ${ownedBy(actor)}`);
  if (!run) throw noSuchRun(runId);
  return run;
}

const view = (actor: PlaygroundActor, run: RunRecord, baseUrl: string, inlineImages = false) =>
  toRunView(run, baseUrl, actor.kind === "user", inlineImages);

/** A shuffle of 0..n-1: the order blind panes are shown in. */
function shuffledSlots(n: number): number[] {
  const slots = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  return slots;
}

/** The variant a pane names, refused as that pane's field (`panes.N.variant`). */
async function paneVariant(pane: Pane, index: number, mode: "live" | "test"): Promise<GenerationVariant> {
  try {
    return await variantForRequest(pane.variant, mode);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const path = `panes.${index}.variant`;
    throw new AppError(error.code, error.message, { ...error.options, param: path, issues: [{ path, message: error.message }] });
  }
}

/** An account with a payment dispute open runs nothing live, here as with its API keys. */
async function refuseFrozen(accountId: string, mode: "live" | "test"): Promise<void> {
  if (mode !== "live") return;
  const account = await db.account.findUnique({ where: { id: accountId }, select: { frozenAt: true } });
  if (account?.frozenAt) {
    throw new AppError("forbidden", "Payments on this account are disputed; live runs are paused until the dispute is resolved. Test mode still works.");
  }
}

async function insufficientForRun(accountId: string, found: GenerationVariant[], mode: "live" | "test"): Promise<AppError> {
  const [costMicros, wallet] = await Promise.all([
    runPriceMicros(accountId, found, mode),
    db.wallet.findUnique({ where: { accountId }, select: { availableMicros: true } }),
  ]);
  const available = formatUsd(wallet?.availableMicros ?? 0n);
  return new AppError(
    "insufficient_credits",
    `Not enough credit: this run costs ${formatUsd(BigInt(costMicros))} and ${available} is available. Top up to run it, or switch to test mode to run it free on the simulator.`,
  );
}

/**
 * Starts every pane of a run at once: one task each, created with the run in one transaction, so
 * either every pane's price is held or nothing is created (a 402 names what the run costs).
 */
export async function createRun(actor: PlaygroundActor, body: CreateRun, baseUrl: string): Promise<RunView> {
  if (actor.kind === "guest" && body.mode === "live") {
    throw new AppError("unauthorized", "Sign in to run on live models; signed out, the playground runs free on the simulator (test mode).", {
      param: "mode",
    });
  }
  const { mode } = body;
  const found = await Promise.all(body.panes.map((pane, i) => paneVariant(pane, i, mode)));
  const built = body.panes.map((pane, i) => paneInput(found[i]!, body, pane, i));
  if (actor.kind === "guest") await ensureVisitorsAccount();
  const accountId = accountOf(actor);
  await refuseFrozen(accountId, mode);
  const runId = newId("run");
  const slots = shuffledSlots(body.panes.length);
  const settings = { seed: body.seed, aspectRatio: body.aspectRatio, imageUrls: body.imageUrls, mode, blind: body.blind };

  try {
    await db.$transaction(async (tx) => {
      await tx.playgroundRun.create({
        data: {
          id: runId,
          accountId,
          userId: actor.kind === "user" ? actor.user.id : null,
          guestId: actor.kind === "guest" ? actor.guestId : null,
          prompt: body.prompt,
          settings,
          mode,
          blind: body.blind,
        },
      });
      for (const [i, pane] of body.panes.entries()) {
        const { input, notes } = built[i]!;
        const taskId = await insertTask(tx, { key: { accountId, keyId: null, mode }, model: pane.variant, input, surface: "playground" }, found[i]!, input);
        await tx.playgroundPane.create({
          data: {
            id: newId("pane"),
            runId,
            position: i,
            blindSlot: slots[i]!,
            variantSlug: found[i]!.variant.slug,
            label: pane.label ?? null,
            params: ownParams(pane) as Prisma.InputJsonObject,
            promptAddition: pane.promptAddition ?? null,
            notes,
            taskId,
          },
        });
      }
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "insufficient_credits") throw await insufficientForRun(accountId, found, mode);
    throw error;
  }
  return getRun(actor, runId, baseUrl);
}

export async function getRun(actor: PlaygroundActor, runId: string, baseUrl: string): Promise<RunView> {
  return view(actor, await readOwnRun(actor, runId), baseUrl);
}

/** As getRun, with the inline reference images themselves: for the page that recalls a run's settings. */
export async function recallRun(actor: PlaygroundActor, runId: string, baseUrl: string): Promise<RunView> {
  return view(actor, await readOwnRun(actor, runId), baseUrl, true);
}

function paneOf(run: RunRecord, paneId: string) {
  const pane = run.panes.find((p) => p.id === paneId);
  if (!pane) throw new AppError("not_found", `No pane ${paneId} in run ${run.id}.`, { param: "paneId" });
  return pane;
}

/** Runs one pane again as a new task (the pane shows the new one); only once its last task has ended. */
export async function rerunPane(actor: PlaygroundActor, runId: string, paneId: string, baseUrl: string): Promise<RunView> {
  const run = await readOwnRun(actor, runId);
  const pane = paneOf(run, paneId);
  if (pane.task && pane.task.state !== "success" && pane.task.state !== "fail") {
    throw new AppError("conflict", "This pane is still running: cancel it or wait for it to finish before running it again.", { param: "paneId" });
  }
  const spec: Pane = { variant: pane.variantSlug, params: pane.params, promptAddition: pane.promptAddition ?? undefined };
  const found = await paneVariant(spec, pane.position, run.mode);
  const { input, notes } = paneInput(found, { ...run.settings, prompt: run.prompt }, spec, pane.position);
  await refuseFrozen(run.accountId, run.mode);
  const key = { accountId: run.accountId, keyId: null, mode: run.mode };
  await db.$transaction(async (tx) => {
    const taskId = await insertTask(tx, { key, model: pane.variantSlug, input, surface: "playground" }, found, input);
    // A second re-run racing this one finds the task it replaced gone, and loses.
    const replaced = await tx.playgroundPane.updateMany({ where: { id: pane.id, taskId: pane.task?.id ?? null }, data: { taskId, notes } });
    if (replaced.count !== 1) throw new AppError("conflict", "This pane was started again meanwhile.", { param: "paneId" });
  });
  return getRun(actor, runId, baseUrl);
}

/** Cancels a pane whose task has not started generating (lib/tasks cancelTask: 409 otherwise). */
export async function cancelPane(actor: PlaygroundActor, runId: string, paneId: string, baseUrl: string): Promise<RunView> {
  const run = await readOwnRun(actor, runId);
  const pane = paneOf(run, paneId);
  if (!pane.task) throw new AppError("conflict", "This pane has no task to cancel.", { param: "paneId" });
  await cancelTask(run.accountId, pane.task.id);
  return getRun(actor, runId, baseUrl);
}

/** Picks a winner (a pane whose image was delivered) or none, with a note; a blind run is revealed by its winner. */
export async function voteRun(actor: PlaygroundActor, runId: string, vote: z.output<typeof voteSchema>, baseUrl: string): Promise<RunView> {
  const run = await readOwnRun(actor, runId);
  if (vote.winnerPaneId !== null) {
    const winner = run.panes.find((p) => p.id === vote.winnerPaneId);
    if (winner?.task?.state !== "success") {
      const message = winner ? "the winner must be a pane that delivered its image" : "no such pane in this run";
      throw new AppError("validation_error", `winnerPaneId: ${message}.`, { param: "winnerPaneId", issues: [{ path: "winnerPaneId", message }] });
    }
  }
  await db.playgroundRun.update({ where: { id: run.id }, data: { winnerPaneId: vote.winnerPaneId, note: vote.note } });
  return getRun(actor, runId, baseUrl);
}
