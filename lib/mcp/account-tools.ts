import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { getBalance } from "@/lib/billing";
import { toBalanceObject } from "@/lib/billing/balance-object";
import { formatUsd } from "@/lib/catalog";
import { getTaskInfo } from "@/lib/tasks";
import { guarded, type McpContext, requireScope, toolResult } from "./results";
import { describeTask, taskView } from "./task-view";

const getTaskInput = z.object({
  task_id: z.string().trim().min(1).max(100).describe("The task id generate_image answered (task_...)."),
});

const cap = (micros: number | null) => (micros === null ? "none" : formatUsd(micros));

export function registerAccountTools(server: McpServer, ctx: McpContext): void {
  const { key, baseUrl } = ctx;

  server.registerTool(
    "get_task",
    {
      title: "Get a task",
      description: "A generation task of this account: its state and progress, and once it succeeded its image URLs and cost.",
      inputSchema: getTaskInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(ctx, async ({ task_id }: z.output<typeof getTaskInput>) => {
      requireScope(key, ["read", "generate"]);
      const view = taskView(await getTaskInfo(key.accountId, task_id, baseUrl));
      return toolResult(describeTask(view), view);
    }),
  );

  server.registerTool(
    "get_balance",
    {
      title: "Get the balance",
      description: "The account's available balance, what is held for tasks in flight, its spend caps and what it spent today and this month (USD, and micro-USD).",
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(ctx, async () => {
      requireScope(key, ["read"]);
      const balance = toBalanceObject(await getBalance(key.accountId, key.keyId));
      const text = [
        `Available: ${formatUsd(balance.available_micros)}; held for tasks in flight: ${formatUsd(balance.reserved_micros)}.`,
        `Spent today: ${formatUsd(balance.spent.today_micros)}, this month: ${formatUsd(balance.spent.month_micros)}.`,
        `Caps: daily ${cap(balance.caps.daily_micros)}, monthly ${cap(balance.caps.monthly_micros)}, this key daily ${cap(balance.caps.key_daily_micros)}.`,
        key.mode === "test" ? "This is a test key: its generations are free and run on the simulator." : "This is a live key: generations are charged to this balance.",
      ].join("\n");
      return toolResult(text, { ...balance, key_mode: key.mode });
    }),
  );
}
