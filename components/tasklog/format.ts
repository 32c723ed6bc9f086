import type { TaskSurface } from "@/lib/db/generated/enums";

// Shared by the log and the detail page; every time the dashboard shows is UTC.

export const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export const sourceLabels: Record<TaskSurface, string> = {
  task_api: "Task API",
  openai: "OpenAI API",
  replicate: "Replicate API",
  mcp: "MCP",
  playground: "Playground",
};

/** 850 ms, 4.2 s, 3 min 5 s. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
