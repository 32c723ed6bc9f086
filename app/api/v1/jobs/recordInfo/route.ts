import { apiRoute, baseUrlOf } from "@/lib/http";
import { getTaskInfo, recordInfoQuery } from "@/lib/tasks";
import { recordInfoData } from "@/lib/tasks/schemas";

// GET /api/v1/jobs/recordInfo?taskId=: a task's state, progress and, once done, its result URLs.
export const GET = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: ["read", "generate"],
    query: recordInfoQuery,
    doc: { summary: "Get a task's state and results", tags: ["Tasks"], response: recordInfoData, errors: ["not_found"] },
  },
  async ({ req, query, key }) => getTaskInfo(key.accountId, query.taskId, baseUrlOf(req)),
);
