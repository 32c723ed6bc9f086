import { apiRoute } from "@/lib/http";
import { getDailyUsage, usageData, usageQuery } from "@/lib/usage";

// GET /api/v1/usage?from=&to=&model=&source=&mode=: the key's account's daily spend and tasks by model.
export const GET = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: "read",
    query: usageQuery,
    doc: {
      summary: "Daily spend and task counts by model",
      description:
        "Per UTC day and model over at most 90 days (default the last 30): what was charged, by the day of the charge, and the tasks created, by the day of their creation. Test-mode tasks count as tasks and cost nothing.",
      tags: ["Account"],
      response: usageData,
    },
  },
  async ({ query, key }) => getDailyUsage(key.accountId, query),
);
