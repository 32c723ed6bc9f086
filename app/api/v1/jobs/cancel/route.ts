import { apiRoute } from "@/lib/http";
import { cancelTask, cancelTaskBody } from "@/lib/tasks";
import { cancelTaskData } from "@/lib/tasks/schemas";

// POST /api/v1/jobs/cancel: cancel a task the upstream has not started; its hold is released.
export const POST = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: "generate",
    body: cancelTaskBody,
    doc: {
      summary: "Cancel a task the upstream has not started",
      description: "The task fails with `canceled` and its hold is released; a task already generating answers 409.",
      tags: ["Tasks"],
      response: cancelTaskData,
      errors: ["not_found", "conflict"],
    },
  },
  async ({ body, key }) => cancelTask(key.accountId, body.taskId),
);
