import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { TaskDetail } from "@/lib/tasklog/detail";
import type { TaskLogRow } from "@/lib/tasklog/query";
import { TaskDetailView } from "./task-detail";
import { TaskLogTable } from "./task-log-table";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const createdAt = new Date("2026-10-01T10:00:00.000Z");

const success: TaskLogRow = {
  id: "task_aaaaaaaaaaaaaaaaaaaa",
  createdAt,
  finishedAt: new Date(createdAt.getTime() + 4_200),
  model: "flux-2-pro-text-to-image-1k",
  state: "success",
  failCode: null,
  failMsg: null,
  latencyMs: 4_200,
  costMicros: 35_000,
  keyId: "key_aaaaaaaaaaaaaaaaaaaa",
  keyName: "production",
  source: "task_api",
  mode: "live",
  thumbnailUrl: "/media/med_1.thumb.webp",
};

const cancelled: TaskLogRow = {
  ...success,
  id: "task_bbbbbbbbbbbbbbbbbbbb",
  state: "cancelled",
  costMicros: 0,
  keyId: null,
  keyName: null,
  source: "playground",
  mode: "test",
  thumbnailUrl: null,
};

describe("TaskLogTable", () => {
  it("shows each task with its link, state, latency, cost, key, source and thumbnail", () => {
    const html = renderToStaticMarkup(<TaskLogTable rows={[success, cancelled]} empty="none" />);
    expect(html).toContain('href="/dashboard/tasks/task_aaaaaaaaaaaaaaaaaaaa"');
    expect(html).toContain("Success");
    expect(html).toContain("Cancelled");
    expect(html).toContain("4.2 s");
    expect(html).toContain("production");
    expect(html).toContain("Task API");
    expect(html).toContain("Playground");
    expect(html).toContain("test mode");
    expect(html).toContain('src="/media/med_1.thumb.webp"');
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it("shows the empty state instead of an empty table", () => {
    const html = renderToStaticMarkup(<TaskLogTable rows={[]} empty={<a href="/dashboard/keys">API keys</a>} />);
    expect(html).not.toContain("<table");
    expect(html).toContain('href="/dashboard/keys"');
  });
});

const detail: TaskDetail = {
  id: "task_aaaaaaaaaaaaaaaaaaaa",
  model: "flux-2-pro-text-to-image-1k",
  modelRequested: "flux-2-pro",
  state: "success",
  failCode: null,
  failMsg: null,
  source: "task_api",
  mode: "live",
  simulated: false,
  key: { id: "key_aaaaaaaaaaaaaaaaaaaa", name: "production" },
  input: { prompt: "a lighthouse" },
  callbackUrl: "https://example.com/hook",
  providerSlug: "fal",
  upstreamModel: "fal-ai/flux-2-pro",
  timeline: [
    { step: "created", label: "Created", at: createdAt },
    { step: "finished", label: "Finished", at: new Date(createdAt.getTime() + 4_200) },
  ],
  routeAttempts: [{ id: "att_1", at: createdAt, providerSlug: "bfl", simulated: false, outcome: "rate_limited", message: "429", latencyMs: 80 }],
  billing: {
    priceMicros: 35_000,
    chargedMicros: 35_000,
    hold: { amountMicros: 35_000, state: "captured", capturedMicros: 35_000, createdAt, settledAt: createdAt },
    ledger: [{ id: "txn_1", kind: "capture", amountMicros: -35_000, reservedDeltaMicros: -35_000, at: createdAt }],
  },
  images: [{ id: "med_1", position: 0, url: "/media/med_1.png", thumbnailUrl: "/media/med_1.thumb.webp", width: 1024, height: 768, contentType: "image/png" }],
  callback: {
    id: "cb_1",
    url: "https://example.com/hook",
    state: "failed",
    nextAttemptAt: null,
    attempts: [{ attempt: 1, at: createdAt, result: "retry", statusCode: 503, latencyMs: 120, error: "HTTP 503" }],
  },
  redeliverBlocked: null,
};

describe("TaskDetailView", () => {
  const run = async () => ({ ok: true as const, data: { deliveryId: "cb_1" } });

  it("has the six sections, the callback attempts and an enabled Redeliver button", () => {
    const html = renderToStaticMarkup(<TaskDetailView task={detail} redeliver={run} />);
    for (const title of ["Input", "Timeline", "Route attempts", "Billing", "Images", "Callback deliveries"]) expect(html).toContain(`>${title}</h2>`);
    expect(html).toContain("rate limited");
    expect(html).toContain("503");
    expect(html).toContain("HTTP 503");
    expect(html).toMatch(/<button[^>]*>Redeliver<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Redeliver/);
  });

  it("disables Redeliver and says why when it cannot run", () => {
    const html = renderToStaticMarkup(<TaskDetailView task={{ ...detail, callback: null, callbackUrl: null, redeliverBlocked: "This task has no callback URL." }} redeliver={run} />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Redeliver/);
    expect(html).toContain("This task has no callback URL.");
  });
});
