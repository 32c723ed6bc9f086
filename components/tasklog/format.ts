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
