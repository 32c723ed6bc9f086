import { apiRoute } from "@/lib/http";
import { createTask, createTaskBody } from "@/lib/tasks";

// POST /api/v1/jobs/createTask: submit an async generation task; poll recordInfo or wait for the callback.
export const POST = apiRoute(
  { envelope: "task", auth: "apiKey", scope: "generate", body: createTaskBody, idempotency: true },
  async ({ body, key, idempotency }) =>
    createTask({ key, model: body.model, input: body.input, callbackUrl: body.callBackUrl, surface: "task_api" }, idempotency),
);
