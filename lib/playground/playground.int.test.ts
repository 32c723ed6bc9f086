import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { findDrift } from "@/lib/billing";
import { listVariants } from "@/lib/catalog";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recomputeVariantStats } from "@/lib/stats";
import { call, jsonRequest, newAccount, USD } from "@/lib/testing/fixtures";
import { withGenerationStack } from "@/lib/testing/generation-stack";
import { findHoldDrift } from "@/lib/tasks/reconcile";
import type { CreateRunRequest, RunView } from "./contract";
import { createRunSchema, voteSchema } from "./contract";
import { GUEST_COOKIE, VISITORS_ACCOUNT_ID } from "./guest";
import {
  cancelPane,
  getRun,
  getSharedRun,
  listRuns,
  type PlaygroundActor,
  playgroundPrices,
  rerunPane,
  shareRun,
  unshareRun,
  variantSpeeds,
  voteRun,
} from "./index";
import { createRun } from "./runs";

// The session comes from next-auth's cookie, which needs a Next request; everything else is real:
// a scratch database, the simulator and a worker, so panes really run, fail and get charged.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const runsRoute = await import("@/app/api/playground/runs/route");
const runRoute = await import("@/app/api/playground/runs/[runId]/route");
const voteRoute = await import("@/app/api/playground/runs/[runId]/vote/route");
const shareRoute = await import("@/app/api/playground/runs/[runId]/share/route");

withGenerationStack("playground", { webhooks: true });

const baseUrl = "http://localhost";
const pro = "flux-2-pro-text-to-image-1k";
const flex = "flux-2-flex-text-to-image-1k";

function userOn(accountId: string): SessionUser {
  return { id: newId("usr"), email: "player@example.com", name: null, role: "user", accountId };
}
const asUser = (user: SessionUser): PlaygroundActor => ({ kind: "user", user });

function runBody(overrides: Partial<CreateRunRequest> = {}): CreateRunRequest {
  return {
    prompt: "a lighthouse at dusk",
    seed: 42,
    aspectRatio: "16:9",
    mode: "test",
    panes: [{ variant: pro }, { variant: flex, params: { steps: 8 }, label: "Flex fast: 8 steps" }],
    ...overrides,
  };
}
const start = (actor: PlaygroundActor, overrides: Partial<CreateRunRequest> = {}) =>
  createRun(actor, createRunSchema.parse(runBody(overrides)), baseUrl);

async function untilDone(actor: PlaygroundActor, runId: string, timeoutMs = 20_000): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(actor, runId, baseUrl);
    if (run.done) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} not done after ${timeoutMs} ms: ${run.panes.map((p) => p.state).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const available = async (accountId: string) => Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function request(path: string, init: { method?: string; body?: unknown; cookie?: string; peer?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "x-lumigate-peer": init.peer ?? "203.0.113.1", ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) return jsonRequest(`${baseUrl}${path}`, null, init.body, headers);
  return new Request(`${baseUrl}${path}`, { method: init.method ?? "GET", headers });
}

beforeEach(() => {
  session.user = null;
});

describe("createRun, live", () => {
  it("runs both panes, charges exactly the sum of their costs, and the prices shown beforehand are those held", async () => {
    const accountId = await newAccount(2 * USD);
    const actor = asUser(userOn(accountId));
    const prices = await playgroundPrices(accountId, await listVariants());
    const run = await start(actor, { mode: "live" });
    expect(run.panes.map((p) => p.priceMicros)).toEqual([prices[pro], prices[flex]]);
    expect(run.balanceMicros).toBe(2 * USD - prices[pro]! - prices[flex]!);

    const done = await untilDone(actor, run.id);
    expect(done.panes.map((p) => p.state)).toEqual(["success", "success"]);
    const costs = done.panes.map((p) => p.costMicros!);
    expect(costs).toEqual([35_000, 98_000]);
    expect(done.totalCostMicros).toBe(133_000);
    expect(await available(accountId)).toBe(2 * USD - 133_000);
    for (const pane of done.panes) {
      expect(pane.images).toHaveLength(1);
      expect(pane.images[0]!.url).toMatch(/^http:\/\/localhost\/media\/med_\w+\.jpg$/);
      expect(pane.latencyMs).toBeGreaterThanOrEqual(0);
      expect(pane.seed).toBe(42);
      expect(pane.input).toMatchObject({ prompt: "a lighthouse at dusk", seed: 42, aspect_ratio: "16:9" });
    }
    expect(done.panes[1]).toMatchObject({ label: "Flex fast: 8 steps", params: { steps: 8 }, input: { steps: 8 } });
    const tasks = await db.task.findMany({ where: { accountId } });
    expect(tasks.map((t) => [t.surface, t.apiKeyId, t.mode])).toEqual([
      ["playground", null, "live"],
      ["playground", null, "live"],
    ]);
    expect((await findDrift([accountId])).drift).toEqual([]);
    expect(await findHoldDrift([accountId])).toEqual([]);
  });

  it("a pane told to fail shows its reason, the other still finishes, and only the delivered one is charged", async () => {
    const accountId = await newAccount(1 * USD);
    const actor = asUser(userOn(accountId));
    const run = await start(actor, { mode: "live", panes: [{ variant: pro }, { variant: pro, promptAddition: "[sim:fail]" }] });
    const done = await untilDone(actor, run.id);
    expect(done.panes.map((p) => p.state)).toEqual(["success", "fail"]);
    expect(done.panes[1]!.error).toEqual({ code: expect.any(String), message: expect.stringMatching(/\w/) });
    expect(done.panes[1]!.input).toMatchObject({ prompt: "a lighthouse at dusk [sim:fail]" });
    expect(done.panes[0]!.input).toMatchObject({ prompt: "a lighthouse at dusk" });
    expect(done.panes.map((p) => p.costMicros)).toEqual([35_000, 0]);
    expect(await available(accountId)).toBe(USD - 35_000);
    expect(await findHoldDrift([accountId])).toEqual([]);
  });

  it("402 when the balance cannot cover every pane: no run, no task, no hold, and the message says what it costs", async () => {
    const accountId = await newAccount(100_000);
    const error = await refusal(start(asUser(userOn(accountId)), { mode: "live" }));
    expect(error.code).toBe("insufficient_credits");
    expect(error.message).toBe(
      "Not enough credit: this run costs $0.133 and $0.10 is available. Top up to run it, or switch to test mode to run it free on the simulator.",
    );
    expect(await db.playgroundRun.count({ where: { accountId } })).toBe(0);
    expect(await db.task.count({ where: { accountId } })).toBe(0);
    expect(await db.hold.count({ where: { accountId } })).toBe(0);
    expect(await available(accountId)).toBe(100_000);
  });
});

describe("createRun, validation", () => {
  it("422 naming the pane's own field for an out-of-range step, through the route", async () => {
    session.user = userOn(await newAccount());
    const body = runBody({ panes: [{ variant: pro }, { variant: flex, params: { steps: 99 } }] });
    const { status, body: answer } = await call(runsRoute.POST, request("/api/playground/runs", { body }));
    expect(status).toBe(422);
    expect(answer.details.map((d: { path: string }) => d.path)).toEqual(["panes.1.params.steps"]);
  });

  it("422 on the pane's variant when it needs a reference image and none is given", async () => {
    const error = await refusal(start(asUser(userOn(await newAccount())), { panes: [{ variant: "flux-2-pro-image-to-image-1k" }, { variant: pro }] }));
    expect(error.code).toBe("validation_error");
    expect(error.options.issues).toEqual([{ path: "panes.0.variant", message: "needs a reference image" }]);
  });

  it("a shared setting a variant lacks is left to its default and told in a note", async () => {
    const actor = asUser(userOn(await newAccount()));
    const run = await start(actor, { aspectRatio: "5:4" });
    expect(run.panes[0]!.notes).toEqual(["Renders 4:3: this model has no 5:4."]);
    expect(run.panes[0]!.input).toMatchObject({ aspect_ratio: "4:3" });
  });

  it("404 on a pane naming an unknown model, as that pane's field", async () => {
    const error = await refusal(start(asUser(userOn(await newAccount())), { panes: [{ variant: pro }, { variant: "dall-e-9" }] }));
    expect(error.code).toBe("not_found");
    expect(error.options.param).toBe("panes.1.variant");
  });
});

describe("blind runs and votes", () => {
  it("hides the variants until a winner is picked; a vote on another account's run is 404", async () => {
    const owner = asUser(userOn(await newAccount()));
    const run = await start(owner, { blind: true });
    expect(run.hidden).toBe(true);
    expect(run.panes.map((p) => [p.position, p.blindName])).toEqual([
      [0, "A"],
      [1, "B"],
    ]);
    for (const pane of run.panes) expect(pane).toMatchObject({ variant: null, label: null, params: null, input: null, priceMicros: null, costMicros: null });

    const done = await untilDone(owner, run.id);
    const winner = done.panes[0]!;
    const stranger = asUser(userOn(await newAccount()));
    expect((await refusal(voteRun(stranger, run.id, voteSchema.parse({ winnerPaneId: winner.id }), baseUrl))).code).toBe("not_found");
    expect((await refusal(getRun(stranger, run.id, baseUrl))).code).toBe("not_found");

    const voted = await voteRun(owner, run.id, voteSchema.parse({ winnerPaneId: winner.id, note: "sharper" }), baseUrl);
    expect(voted).toMatchObject({ hidden: false, winnerPaneId: winner.id, note: "sharper" });
    expect(voted.panes.map((p) => p.variant?.slug).sort()).toEqual([flex, pro].sort());
    const revealed = voted.panes.find((p) => p.id === winner.id)!;
    expect(revealed.blindName).toBe(winner.blindName);
  });

  it("422 for a winner whose pane did not deliver, or that is not in the run", async () => {
    const actor = asUser(userOn(await newAccount()));
    const run = await untilDone(actor, (await start(actor, { panes: [{ variant: pro }, { variant: pro, promptAddition: "[sim:fail]" }] })).id);
    for (const winnerPaneId of [run.panes[1]!.id, "pane_elsewhere"]) {
      const error = await refusal(voteRun(actor, run.id, voteSchema.parse({ winnerPaneId }), baseUrl));
      expect(error.code).toBe("validation_error");
      expect(error.options.param).toBe("winnerPaneId");
    }
  });
});

describe("re-run and cancel", () => {
  it("re-runs a finished pane as a new task; 409 while it still runs and for cancelling a finished one", async () => {
    const actor = asUser(userOn(await newAccount()));
    const run = await untilDone(actor, (await start(actor)).id);
    const pane = run.panes[1]!;
    expect((await refusal(cancelPane(actor, run.id, pane.id, baseUrl))).code).toBe("conflict");

    const again = await rerunPane(actor, run.id, pane.id, baseUrl);
    const rerun = again.panes[1]!;
    expect(rerun.taskId).not.toBe(pane.taskId);
    expect(rerun.input).toEqual(pane.input);
    expect(again.done).toBe(false);
    expect((await refusal(rerunPane(actor, run.id, pane.id, baseUrl))).code).toBe("conflict");
    expect((await untilDone(actor, run.id)).panes[1]!.state).toBe("success");
    expect((await refusal(rerunPane(actor, run.id, "pane_nope", baseUrl))).code).toBe("not_found");
  });
});

describe("sharing", () => {
  it("a shared run reads without a session and without the balance; unsharing makes the link 404", async () => {
    const user = userOn(await newAccount());
    const run = await untilDone(asUser(user), (await start(asUser(user), { blind: true })).id);
    const shared = await shareRun(user, run.id, baseUrl);
    const shareId = shared.shareUrl!.match(/^http:\/\/localhost\/p\/(shr_[0-9a-z]{20})$/)![1]!;
    expect((await shareRun(user, run.id, baseUrl)).shareUrl).toBe(shared.shareUrl);

    const seen = await getSharedRun(shareId, baseUrl);
    expect(seen).toMatchObject({ id: run.id, balanceMicros: null, hidden: true });
    expect(seen!.panes.every((p) => p.variant === null && p.images.length === 1)).toBe(true);

    expect((await unshareRun(user, run.id, baseUrl)).shareUrl).toBeNull();
    expect(await getSharedRun(shareId, baseUrl)).toBeNull();
    expect((await refusal(shareRun(userOn(await newAccount()), run.id, baseUrl))).code).toBe("not_found");
  });
});

describe("history", () => {
  it("searches the prompt without case, filters by variant and by winner, and pages by cursor", async () => {
    const user = userOn(await newAccount(USD, { maxInFlightTasks: 100 }));
    const actor = asUser(user);
    const list = (query: Parameters<typeof listRuns>[1]) => listRuns(user, query, baseUrl);
    const cat = await start(actor, { prompt: "A Cat on 100% wool", panes: [{ variant: pro }, { variant: pro }] });
    const dog = await untilDone(actor, (await start(actor, { prompt: "a dog" })).id);
    await voteRun(actor, dog.id, voteSchema.parse({ winnerPaneId: dog.panes[1]!.id }), baseUrl);

    expect((await list({ q: "cat ON" })).runs.map((r) => r.id)).toEqual([cat.id]);
    expect((await list({ q: "0%" })).runs.map((r) => r.id)).toEqual([cat.id]);
    expect((await list({ q: "_" })).runs).toEqual([]);
    expect((await list({ variant: flex })).runs.map((r) => r.id)).toEqual([dog.id]);
    expect((await list({ winner: "any" })).runs.map((r) => r.id)).toEqual([dog.id]);
    expect((await list({ winner: flex })).runs.map((r) => r.id)).toEqual([dog.id]);
    expect((await list({ winner: pro })).runs).toEqual([]);
    const summary = (await list({ winner: flex })).runs[0]!;
    expect(summary.panes.map((p) => [p.variantSlug, p.state])).toEqual([
      [pro, "success"],
      [flex, "success"],
    ]);
    expect(summary.panes[0]!.thumbnailUrl).toMatch(/\.thumb\.webp$/);

    for (let i = 0; i < 20; i++) await start(actor, { prompt: `sweep ${i}` });
    const first = await list({});
    expect(first.runs).toHaveLength(20);
    expect(first.runs[0]!.prompt).toBe("sweep 19");
    const second = await list({ cursor: first.nextCursor! });
    expect(second.runs.map((r) => r.prompt)).toEqual(["a dog", "A Cat on 100% wool"]);
    expect(second.nextCursor).toBeNull();
    expect((await listRuns(userOn(await newAccount()), {}, baseUrl)).runs).toEqual([]);
  });
});

describe("signed-out visitors, through the routes", () => {
  it("run in test mode under a cookie of their own; another cookie or none finds nothing", async () => {
    const created = await call(runsRoute.POST, request("/api/playground/runs", { body: runBody(), peer: "198.51.100.7" }));
    expect(created.status).toBe(200);
    const cookie = created.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${GUEST_COOKIE}=[\\w-]{24}; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`));
    const guestCookie = cookie.split(";")[0]!;
    const runId = created.body.data.id;
    expect(created.body.data).toMatchObject({ balanceMicros: null, settings: { mode: "test" } });
    expect(await db.playgroundRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ accountId: VISITORS_ACCOUNT_ID, userId: null });
    expect(await db.membership.count({ where: { accountId: VISITORS_ACCOUNT_ID } })).toBe(0);

    const mine = await call(runRoute.GET, request(`/api/playground/runs/${runId}`, { cookie: guestCookie }), { runId });
    expect(mine.status).toBe(200);
    const again = await call(runsRoute.POST, request("/api/playground/runs", { body: runBody(), cookie: guestCookie, peer: "198.51.100.7" }));
    expect(again.headers.get("set-cookie")).toBeNull();

    const other = `${GUEST_COOKIE}=${"x".repeat(24)}`;
    for (const headers of [{ cookie: other }, {}]) {
      const res = await call(runRoute.GET, request(`/api/playground/runs/${runId}`, headers), { runId });
      expect(res.status).toBe(404);
    }
    const signedInElsewhere = userOn(await newAccount());
    session.user = signedInElsewhere;
    expect((await call(runRoute.GET, request(`/api/playground/runs/${runId}`, { cookie: guestCookie }), { runId })).status).toBe(404);
  });

  it("401 for live models, history and sharing", async () => {
    const live = await call(runsRoute.POST, request("/api/playground/runs", { body: runBody({ mode: "live" }), peer: "198.51.100.8" }));
    expect(live.status).toBe(401);
    expect(live.body.msg).toMatch(/^Sign in to run on live models/);
    expect(await db.task.count({ where: { accountId: VISITORS_ACCOUNT_ID, mode: "live" } })).toBe(0);
    expect((await call(runsRoute.GET, request("/api/playground/runs"))).status).toBe(401);
    const share = await call(shareRoute.POST, request("/api/playground/runs/run_x/share", { method: "POST" }), { runId: "run_x" });
    expect(share.status).toBe(401);
  });

  it("429 with Retry-After past the hourly runs of one address", async () => {
    env.PLAYGROUND_GUEST_RUNS_PER_HOUR = 2;
    const post = () => call(runsRoute.POST, request("/api/playground/runs", { body: runBody(), peer: "198.51.100.9" }));
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(runsRoute.POST, request("/api/playground/runs", { body: runBody(), peer: "198.51.100.10" }))).status).toBe(200);
  });
});

describe("routes", () => {
  it("403 for a cross-origin POST carrying the cookie, with nothing created", async () => {
    const accountId = await newAccount();
    session.user = userOn(accountId);
    const res = await call(runsRoute.POST, request("/api/playground/runs", { body: runBody(), cookie: "next-auth.session-token=x", headers: { origin: "https://evil.example" } }));
    expect(res.status).toBe(403);
    expect(await db.playgroundRun.count({ where: { accountId } })).toBe(0);
  });

  it("404 for unknown ids, 422 for ids no run could have, never a 5xx", async () => {
    session.user = userOn(await newAccount());
    expect((await call(runRoute.GET, request("/api/playground/runs/run_nope"), { runId: "run_nope" })).status).toBe(404);
    const long = "r".repeat(41);
    expect((await call(runRoute.GET, request(`/api/playground/runs/${long}`), { runId: long })).status).toBe(422);
    const vote = await call(voteRoute.POST, request("/api/playground/runs/run_nope/vote", { body: { winnerPaneId: null } }), { runId: "run_nope" });
    expect(vote.status).toBe(404);
    const badVote = await call(voteRoute.POST, request("/api/playground/runs/run_nope/vote", { body: { winnerPaneId: 7 } }), { runId: "run_nope" });
    expect(badVote.status).toBe(422);
    const unshare = await call(shareRoute.DELETE, request("/api/playground/runs/run_nope/share", { method: "DELETE" }), { runId: "run_nope" });
    expect(unshare.status).toBe(404);
  });
});

describe("variantSpeeds", () => {
  it("gives the median latency of each variant that has run lately", async () => {
    await recomputeVariantStats(new Date(Date.now() + 120_000));
    const speeds = await variantSpeeds();
    expect(speeds[pro]).toEqual({ medianMs: expect.any(Number), runs: expect.any(Number) });
    expect(speeds[pro]!.runs).toBeGreaterThan(0);
    expect(speeds["flux-2-max-text-to-image-1k"]).toBeUndefined();
  });
});
