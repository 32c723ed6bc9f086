import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { VariantView } from "@/lib/catalog";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getTaskInfo, insertTask, parseInput, variantForRequest, waitForTasks } from "@/lib/tasks";
import { type GenerateImageArgs, generateImageInput } from "./generate-input";
import { guarded, type McpContext, requireScope, toolError, toolResult } from "./results";
import { describeTask, taskView } from "./task-view";

const description =
  "Generates one image with a model and waits for it (wait_seconds, default 30). Answers the image URL, its size, the cost and the task id; " +
  "if the image is not ready in time, the task id and its state: call get_task with it. " +
  "Live keys are charged the model's price per image, only when it succeeds; test keys are free and run on the simulator. " +
  "Every argument besides model and wait_seconds is one of the model's own parameters (get_model lists a model's, with ranges and defaults); " +
  "a parameter the model does not take, or a value out of its range, is refused naming the field.";

async function generate(ctx: McpContext, args: GenerateImageArgs) {
  const { key, baseUrl } = ctx;
  requireScope(key, ["generate"]);
  const { model, wait_seconds: waitSec, ...parameters } = args;
  const found = await variantForRequest(model, key.mode);
  const input = parseInput(found, parameters, "");
  // A single statement is its own transaction: the hold, the in-flight slot and the queue job commit together.
  const taskId = await insertTask(db, { key, model, input, surface: "mcp" }, found, input);
  await waitForTasks([taskId], waitSec * 1000);
  const view = taskView(await getTaskInfo(key.accountId, taskId, baseUrl));
  if (view.state === "fail") {
    const moderated = view.fail_code === "moderated";
    const failure = new AppError(moderated ? "validation_error" : "generation_failed", view.fail_message || "The generation failed; nothing was charged.", {
      param: moderated ? "prompt" : undefined,
    });
    return toolError(failure, ctx, { task: view });
  }
  return toolResult(describeTask(view), view);
}

export function registerGenerateTool(server: McpServer, ctx: McpContext, variants: VariantView[]): void {
  server.registerTool(
    "generate_image",
    {
      title: "Generate an image",
      description,
      inputSchema: generateImageInput(variants),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    guarded(ctx, (args: GenerateImageArgs) => generate(ctx, args)),
  );
}
