import { apiRoute, baseUrlOf } from "@/lib/http";
import { getTaskInfo, recordInfoQuery } from "@/lib/tasks";

// GET /api/v1/jobs/recordInfo?taskId=: a task's state, progress and, once done, its result URLs.
export const GET = apiRoute(
  { envelope: "task", auth: "apiKey", scope: ["read", "generate"], query: recordInfoQuery },
  async ({ req, query, key }) => getTaskInfo(key.accountId, query.taskId, baseUrlOf(req)),
);
