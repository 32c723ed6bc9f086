import { z } from "zod";

// The task API's public request shapes (PROTOCOLS.md §4). `input` is checked against the chosen
// variant's own parameter schema in createTask, so here it is only "an object".

export const taskIdSchema = z.string().regex(/^task_[a-z0-9]{20}$/, "must be a task id like task_abc123...");

const callbackUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2048, "must be at most 2048 characters");

export const createTaskBody = z.object({
  model: z.string().trim().min(1, "is required").max(200),
  input: z.record(z.string(), z.unknown(), { error: "must be an object of the model's parameters" }),
  callBackUrl: callbackUrl.optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;

export const recordInfoQuery = z.object({ taskId: taskIdSchema });

export const cancelTaskBody = z.object({ taskId: taskIdSchema });

export const downloadUrlBody = z.object({ url: z.url().max(2048) });
