import { apiRoute, baseUrlOf } from "@/lib/http";
import { listApiTasks, listTasksData, listTasksQuery } from "@/lib/tasklog";

// GET /api/v1/jobs: the account's tasks (every key's), newest first, filtered, a cursor per page.
export const GET = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: "read",
    query: listTasksQuery,
    doc: { summary: "List the account's tasks", tags: ["Tasks"], response: listTasksData },
  },
  async ({ req, query, key }) => listApiTasks(key.accountId, query, baseUrlOf(req)),
);
