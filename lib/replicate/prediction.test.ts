import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type PredictionTask, toPrediction } from "./prediction";
import { createPredictionBody, preferWaitSec } from "./schemas";

const base = "https://gw.example";
const created = new Date("2026-12-01T10:00:00.000Z");
const at = (ms: number) => new Date(created.getTime() + ms);
const later = at(24 * 3_600_000);

function task(over: Partial<PredictionTask> = {}): PredictionTask {
  return {
    id: "task_aaaaaaaaaaaaaaaaaaaa",
    modelRequested: "black-forest-labs/flux-2-pro",
    variantSlug: "flux-2-pro-text-to-image-1k",
    state: "waiting",
    input: { prompt: "a lighthouse" },
    failCode: null,
    failMsg: null,
    progress: null,
    simulated: false,
    createdAt: created,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    media: [],
    ...over,
  };
}

const image = (id: string, position: number, contentType = "image/webp") => ({ id, position, contentType, expiresAt: later });
const now = at(10_000);

describe("toPrediction", () => {
  it("a new task: starting, its URLs under /replicate/v1, nothing finished", () => {
    expect(toPrediction(task(), base, now)).toEqual({
      id: "task_aaaaaaaaaaaaaaaaaaaa",
      model: "black-forest-labs/flux-2-pro",
      version: "hidden",
      input: { prompt: "a lighthouse" },
      logs: "",
      output: null,
      error: null,
      status: "starting",
      created_at: "2026-12-01T10:00:00.000Z",
      started_at: null,
      completed_at: null,
      data_removed: false,
      metrics: {},
      urls: {
        get: `${base}/replicate/v1/predictions/task_aaaaaaaaaaaaaaaaaaaa`,
        cancel: `${base}/replicate/v1/predictions/task_aaaaaaaaaaaaaaaaaaaa/cancel`,
        web: `${base}/models/flux-2-pro-text-to-image-1k`,
      },
    });
  });

  it.each([
    ["queuing", null, "starting"],
    ["generating", null, "processing"],
    ["success", null, "succeeded"],
    ["fail", "generation_failed", "failed"],
    ["fail", "timeout", "failed"],
    ["fail", "moderated", "failed"],
    ["fail", "canceled", "canceled"],
  ] as const)("state %s (%s) is %s", (state, failCode, status) => {
    expect(toPrediction(task({ state, failCode, finishedAt: state === "success" || state === "fail" ? at(5000) : null }), base, now).status).toBe(status);
  });

  it("processing: started_at and a progress line the client's parseProgressFromLogs reads", () => {
    const p = toPrediction(task({ state: "generating", progress: 40, startedAt: at(1000), simulated: true }), base, now);
    expect(p.started_at).toBe("2026-12-01T10:00:01.000Z");
    expect(p.logs).toBe("Running flux-2-pro-text-to-image-1k on the simulator\n 40%|████      | 40/100\n");
    expect(/^\s*(\d+)%\s*\|.+?\|\s*(\d+)\/(\d+)/m.exec(p.logs)?.slice(1)).toEqual(["40", "40", "100"]);
  });

  it("succeeded: one URL string of our own media for a single-output model, and the times in seconds", () => {
    const p = toPrediction(
      task({ state: "success", submittedAt: at(200), startedAt: at(1000), finishedAt: at(4500), media: [image("med_1", 0)] }),
      base,
      now,
    );
    expect(p).toMatchObject({
      status: "succeeded",
      output: `${base}/media/med_1.webp`,
      error: null,
      completed_at: "2026-12-01T10:00:04.500Z",
      metrics: { predict_time: 3.5, total_time: 4.5 },
      data_removed: false,
    });
  });

  it("succeeded without a recorded start counts from the submission", () => {
    const p = toPrediction(task({ state: "success", submittedAt: at(500), finishedAt: at(2500), media: [image("med_1", 0)] }), base, now);
    expect(p.started_at).toBe("2026-12-01T10:00:00.500Z");
    expect(p.metrics.predict_time).toBe(2);
  });

  it("a list-output model answers a list, in position order", () => {
    const p = toPrediction(
      task({ modelRequested: "qwen/qwen-image", state: "success", finishedAt: at(3000), media: [image("med_b", 1, "image/png"), image("med_a", 0, "image/png")] }),
      base,
      now,
    );
    expect(p.output).toEqual([`${base}/media/med_a.png`, `${base}/media/med_b.png`]);
  });

  it("expired images: data_removed and no output", () => {
    const p = toPrediction(task({ state: "success", finishedAt: at(3000), media: [{ ...image("med_1", 0), expiresAt: at(5000) }] }), base, now);
    expect(p).toMatchObject({ status: "succeeded", output: null, data_removed: true });
  });

  it("failed: the reason as error; canceled: no error", () => {
    expect(toPrediction(task({ state: "fail", failCode: "moderated", failMsg: "Flagged by moderation", finishedAt: at(2000) }), base, now)).toMatchObject({
      error: "Flagged by moderation",
      output: null,
      started_at: null,
      metrics: { predict_time: 0, total_time: 2 },
    });
    expect(toPrediction(task({ state: "fail", failCode: "canceled", failMsg: "Cancelled", finishedAt: at(100) }), base, now).error).toBeNull();
  });
});

describe("preferWaitSec", () => {
  it.each([
    [null, null],
    ["", null],
    ["respond-async", null],
    ["wait", 60],
    ["wait=5", 5],
    ["Wait = 60", 60],
    ["return=minimal, wait=10", 10],
  ])("%j -> %j", (header, seconds) => {
    expect(preferWaitSec(header)).toBe(seconds);
  });

  it.each(["wait=0", "wait=61", "wait=abc", "wait=1.5"])("422 for %j, naming Prefer", (header) => {
    expect(() => preferWaitSec(header)).toThrow(AppError);
    try {
      preferWaitSec(header);
    } catch (error) {
      expect((error as AppError).options.param).toBe("Prefer");
    }
  });
});

describe("createPredictionBody", () => {
  it("takes what the replicate client sends, nulls included", () => {
    const body = { input: { prompt: "x" }, webhook: null, webhook_events_filter: ["start", "completed"] };
    expect(createPredictionBody.parse(body)).toEqual(body);
  });

  it.each([
    [{}, "input"],
    [{ input: "a prompt" }, "input"],
    [{ input: {}, webhook_events_filter: ["done"] }, "webhook_events_filter"],
  ])("refuses %j at %s", (body, path) => {
    const parsed = createPredictionBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(path);
  });
});
