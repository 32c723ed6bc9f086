import { apiRoute } from "@/lib/http";
import { cancelTask, cancelTaskBody } from "@/lib/tasks";

// POST /api/v1/jobs/cancel: cancel a task the upstream has not started; its hold is released.
export const POST = apiRoute(
  { envelope: "task", auth: "apiKey", scope: "generate", body: cancelTaskBody },
  async ({ body, key }) => cancelTask(key.accountId, body.taskId),
);
