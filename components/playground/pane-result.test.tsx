import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PaneView } from "@/lib/playground/contract";
import { formatDuration } from "@/lib/utils/duration";
import { PaneResult } from "./pane-result";

const base: PaneView = {
  id: "pane_1",
  position: 0,
  variant: { slug: "flux-2-flex-text-to-image-1k", displayName: "FLUX.2 [flex] 1K" },
  label: "Flex fast: 8 steps",
  blindName: "A",
  params: { steps: 8 },
  promptAddition: null,
  input: null,
  notes: [],
  taskId: "task_1",
  state: "waiting",
  progress: 0,
  queuePosition: null,
  costMicros: 0,
  priceMicros: 98_000,
  createdAt: "2026-12-02T12:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  latencyMs: null,
  seed: 42,
  width: 1024,
  height: 576,
  images: [],
  error: null,
  simulated: false,
};
const render = (pane: Partial<PaneView>, now?: number) => renderToStaticMarkup(<PaneResult pane={{ ...base, ...pane }} now={now} />);

describe("PaneResult", () => {
  it("shows the queue position and reserves the pane's aspect ratio before the image exists", () => {
    const html = render({ state: "queuing", queuePosition: 3 }, Date.parse("2026-12-02T12:00:02.500Z"));
    expect(html).toContain("Queued: position 3");
    expect(html).toContain("2.5 s so far");
    expect(html).toContain("aspect-ratio:1024 / 576");
  });

  it("shows progress and elapsed time while generating", () => {
    const html = render({ state: "generating", progress: 40, startedAt: "2026-12-02T12:00:01.000Z" }, Date.parse("2026-12-02T12:00:05.200Z"));
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="40"/);
    expect(html).toContain("width:40%");
    expect(html).toContain("40% · 4.2 s");
  });

  it("shows the image linking to the original, with latency, cost, seed and size", () => {
    const html = render({
      state: "success",
      latencyMs: 4200,
      costMicros: 98_000,
      finishedAt: "2026-12-02T12:00:04.200Z",
      images: [{ url: "https://gw.test/media/a.png", thumbnailUrl: "https://gw.test/media/a.webp", width: 1024, height: 576, contentType: "image/png" }],
    });
    expect(html).toMatch(/<a href="https:\/\/gw.test\/media\/a.png" target="_blank"/);
    expect(html).toContain("4.2 s");
    expect(html).toContain("$0.098");
    expect(html).toContain(">42<");
    expect(html).toContain("1024×576");
    expect(html).toContain("Flex fast: 8 steps");
  });

  it("shows a failed pane's reason", () => {
    const html = render({ state: "fail", latencyMs: 900, error: { code: "generation_failed", message: "The upstream refused the prompt." } });
    expect(html).toContain("The upstream refused the prompt.");
    expect(html).toContain("generation_failed");
    expect(html).toContain("Not charged");
  });

  it("goes by its blind letter while the variant is hidden", () => {
    const html = render({ variant: null, label: null, params: null, costMicros: null, priceMicros: null, blindName: "B" });
    expect(html).toContain("Variant B");
    expect(html).not.toContain("FLUX.2");
    expect(html).not.toContain("Cost");
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850 ms"],
    [4210, "4.2 s"],
    [72_000, "1 min 12 s"],
  ])("%d ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
