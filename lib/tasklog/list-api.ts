import "server-only";
import type { z } from "zod";
import { getTaskInfos } from "@/lib/tasks";
import { listTaskLog } from "./query";
import type { listTasksData, listTasksQuery } from "./schemas";

/** GET /api/v1/jobs: a page of the account's tasks (every key's), each as recordInfo shows it. */
export async function listApiTasks(
  accountId: string,
  { cursor, limit, ...filters }: z.output<typeof listTasksQuery>,
  baseUrl: string,
): Promise<z.infer<typeof listTasksData>> {
  const page = await listTaskLog(accountId, { filters, cursor: cursor ?? null, limit });
  const tasks = await getTaskInfos(accountId, page.rows.map((r) => r.id), baseUrl);
  return { tasks, nextCursor: page.nextCursor };
}
