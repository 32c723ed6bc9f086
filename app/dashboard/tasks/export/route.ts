import { getCurrentUser } from "@/lib/auth";
import { parseTaskLogQuery, taskLogCsvStream } from "@/lib/tasklog";

// GET /dashboard/tasks/export – the signed-in account's tasks as CSV, with the log's filters.
export async function GET(req: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    return new Response("Your session has ended. Sign in again to export your tasks.\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { filters } = parseTaskLogQuery(Object.fromEntries(new URL(req.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(taskLogCsvStream(user.accountId, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumigate-tasks-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
