import { z } from "zod";
import { KeyMode, TaskSurface } from "@/lib/db/generated/enums";
import { recordInfoData } from "@/lib/tasks/schemas";

// The task log's filters, as the dashboard's URL and GET /api/v1/jobs both take them.

/** A task's state as the log shows it: a fail whose failCode is "canceled" is "cancelled". */
export const taskLogStates = ["waiting", "queuing", "generating", "success", "fail", "cancelled"] as const;
export type TaskLogState = (typeof taskLogStates)[number];

export const taskSources = Object.values(TaskSurface);
export const keyModes = Object.values(KeyMode);

// PostgreSQL has no year 0 and no task predates 1970: earlier days select nothing anyway.
const utcDay = z.iso.date().regex(/^(19[7-9]\d|[2-9]\d{3})-/, "must be a day from 1970 on, YYYY-MM-DD");

const LATEST_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export type TaskLogCursor = { createdAt: Date; id: string };

/** "<createdAt epoch ms>.<task id>": opaque to clients, and only ever compared, never looked up. */
export const taskLogCursor = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_]{1,64}$/, "must be a nextCursor from an earlier page")
  .transform((text): TaskLogCursor => {
    const dot = text.indexOf(".");
    return { createdAt: new Date(Number(text.slice(0, dot))), id: text.slice(dot + 1) };
  })
  .refine((c) => c.createdAt.getTime() <= LATEST_TIMESTAMP_MS, "must be a nextCursor from an earlier page");

export const taskLogFilterFields = {
  model: z.string().trim().min(1).max(200).meta({ description: "A catalog variant slug, e.g. flux-2-pro-text-to-image-1k" }),
  state: z.enum(taskLogStates).meta({ description: "fail includes cancelled tasks; cancelled selects only those" }),
  key: z.string().regex(/^key_[a-z0-9]{20}$/, "must be an API key id like key_abc123...").meta({ description: "The id of the API key that created the task" }),
  source: z.enum(TaskSurface).meta({ description: "The surface that created the task" }),
  mode: z.enum(KeyMode),
  from: utcDay.meta({ description: "First UTC day, inclusive (YYYY-MM-DD)" }),
  to: utcDay.meta({ description: "Last UTC day, inclusive (YYYY-MM-DD)" }),
};

export type TaskLogFilters = { [K in keyof typeof taskLogFilterFields]?: z.output<(typeof taskLogFilterFields)[K]> };

/** GET /api/v1/jobs: a bad value is a 422, unlike the dashboard's URL, which drops it. */
export const listTasksQuery = z.object({
  model: taskLogFilterFields.model.optional(),
  state: taskLogFilterFields.state.optional(),
  key: taskLogFilterFields.key.optional(),
  source: taskLogFilterFields.source.optional(),
  mode: taskLogFilterFields.mode.optional(),
  from: taskLogFilterFields.from.optional(),
  to: taskLogFilterFields.to.optional(),
  cursor: taskLogCursor.optional().meta({ description: "The nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const listTasksData = z.object({
  tasks: z.array(recordInfoData).meta({ description: "Newest first" }),
  nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next (older) page; null on the last page" }),
});
