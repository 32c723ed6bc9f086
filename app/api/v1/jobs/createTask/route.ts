import { apiRoute } from "@/lib/http";
import { createTask, createTaskBody } from "@/lib/tasks";
import { createTaskData } from "@/lib/tasks/schemas";

// POST /api/v1/jobs/createTask: submit an async generation task; poll recordInfo or wait for the callback.
export const POST = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: "generate",
    body: createTaskBody,
    idempotency: true,
    doc: {
      summary: "Create a generation task",
      description:
        "Validates `input` against the model's own parameters (GET /v1/models/{id} lists them), holds the price (live keys) and queues the job. " +
        "Poll recordInfo with the task id, or pass `callBackUrl` to receive the result, signed with the account's secret.",
      tags: ["Tasks"],
      response: createTaskData,
      errors: ["not_found", "feature_disabled", "maintenance", "service_unavailable", "insufficient_credits", "spend_cap_reached", "key_limit_exceeded", "idempotency_conflict"],
      example: { model: "flux-2-pro", input: { prompt: "a lighthouse at dawn, watercolor", aspect_ratio: "16:9" } },
    },
  },
  async ({ body, key, idempotency }) =>
    createTask({ key, model: body.model, input: body.input, callbackUrl: body.callBackUrl, surface: "task_api" }, idempotency),
);
