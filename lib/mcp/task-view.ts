import "server-only";
import { formatUsd } from "@/lib/catalog/pricing";
import type { RecordInfo } from "@/lib/tasks";

type Result = { resultUrls: string[]; images: { width: number; height: number; contentType: string }[] };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A task as the MCP tools show it, from the same record recordInfo answers (so the same account check and URLs). */
export function taskView(info: RecordInfo) {
  const result: Result = info.resultJson ? JSON.parse(info.resultJson) : { resultUrls: [], images: [] };
  const { input } = JSON.parse(info.param) as { input: Record<string, unknown> };
  return {
    task_id: info.taskId,
    model: info.model,
    state: info.state,
    done: info.state === "success" || info.state === "fail",
    progress: info.progress,
    queue_position: info.queuePosition,
    images: result.resultUrls.map((url, i) => ({
      url,
      width: result.images[i]?.width,
      height: result.images[i]?.height,
      content_type: result.images[i]?.contentType,
    })),
    ...(typeof input.seed === "number" ? { seed: input.seed } : {}),
    cost_usd: info.costMicros / 1_000_000,
    cost_micros: info.costMicros,
    simulated: info.simulated,
    ...(info.state === "fail" ? { fail_code: info.failCode, fail_message: info.failMsg } : {}),
    created_at: iso(info.createTime),
    completed_at: iso(info.completeTime),
  };
}

export type TaskView = ReturnType<typeof taskView>;

/** A few lines an agent can act on: where the images are, what it cost, or what to do next. */
export function describeTask(view: TaskView): string {
  const head = `Task ${view.task_id} (${view.model}): ${view.state}`;
  if (view.state === "success") {
    const images = view.images.map((m) => `- ${m.url} (${m.width}x${m.height} ${m.content_type})`);
    const cost = view.simulated ? `${formatUsd(view.cost_micros)} (made by the simulator)` : formatUsd(view.cost_micros);
    return [`${head}. Cost: ${cost}.`, "Images:", ...images].join("\n");
  }
  if (view.state === "fail") return `${head}: ${view.fail_message || view.fail_code}. Nothing was charged.`;
  const queue = view.queue_position === null ? "" : `, queue position ${view.queue_position}`;
  return `${head} (${view.progress}%${queue}). It is charged only if it succeeds. Call get_task with task_id "${view.task_id}" to fetch the images once it is done.`;
}
