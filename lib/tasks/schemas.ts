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

// The answers' shapes, for the OpenAPI document; toRecordInfo is typed by recordInfoData, so the
// code cannot answer something the document does not say.
export const createTaskData = z.object({ taskId: taskIdSchema.meta({ example: "task_3k9x2m7q1w8e5r4t6y0u" }) });

export const taskStateSchema = z.enum(["waiting", "queuing", "generating", "success", "fail"]).meta({
  description: "waiting (accepted), queuing (upstream queue), generating, then success or fail",
});

export const recordInfoData = z.object({
  taskId: taskIdSchema,
  model: z.string(),
  state: taskStateSchema,
  param: z.string().meta({ description: "The request as a JSON string: {model, input, callBackUrl}" }),
  resultJson: z.string().meta({ description: 'On success a JSON string {"resultUrls":[...],"thumbnailUrls":[...],"images":[{width,height,contentType}]}; else ""' }),
  failCode: z.string(),
  failMsg: z.string(),
  costTime: z.number().int().nullable().meta({ description: "Milliseconds from submission to the end" }),
  completeTime: z.number().int().nullable().meta({ description: "Epoch ms" }),
  createTime: z.number().int(),
  updateTime: z.number().int(),
  progress: z.number().int().min(0).max(100),
  queuePosition: z.number().int().nullable(),
  creditsCharged: z.number(),
  costMicros: z.number().int().meta({ description: "The charge in micro-USD: only a success is charged" }),
  simulated: z.boolean().meta({ description: "The built-in simulator made the images (test keys, or no upstream credential)" }),
  byok: z
    .object({
      ownKey: z.boolean().meta({ description: "An upstream accepted the job on the account's own credential" }),
      feeMicros: z.number().int().meta({ description: "The platform fee in micro-USD, charged instead of the price when ownKey is true" }),
    })
    .optional()
    .meta({ description: "Bring your own key: present when the account has its own credential for one of the model's upstreams" }),
});

export const cancelTaskData = z.object({ taskId: taskIdSchema, state: z.literal("fail") });
