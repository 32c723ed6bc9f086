import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { formatUsd, listVariants, parseUsdToMicros, resolveVariant, type ParamDescriptor, type VariantView } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { guarded, type McpContext, toolResult } from "./results";

const tasks = { "text-to-image": "text_to_image", "image-to-image": "image_to_image", edit: "edit" } as const;
type TaskName = keyof typeof tasks;

const taskName = (task: VariantView["task"]) => task.replaceAll("_", "-") as TaskName;

const listModelsInput = z.object({
  task: z.enum(Object.keys(tasks) as [TaskName, ...TaskName[]]).optional().describe("Only models for this kind of generation."),
  provider: z.string().trim().toLowerCase().max(100).optional().describe("Only this model maker's models, by slug: black-forest-labs, openai, ideogram, qwen."),
  search: z.string().trim().max(200).optional().describe("Words that must all appear in the name, slug, alias, family or maker."),
  max_price_usd: z.number().min(0).max(1000).optional().describe("Only models costing at most this many US dollars per image."),
  limit: z.number().int().min(1).max(100).default(20).describe("At most this many models, in the models page's order (featured first)."),
});

const getModelInput = z.object({
  model: z.string().trim().min(1).max(200).describe("A model slug or alias, as list_models shows."),
});

function modelSummary(v: VariantView) {
  return {
    slug: v.slug,
    name: v.displayName,
    task: taskName(v.task),
    provider: v.provider.slug,
    price_usd: v.priceMicros / 1_000_000,
    price_micros: v.priceMicros,
    status: v.status,
  };
}

function describeParam(d: ParamDescriptor): string {
  const rule = (() => {
    switch (d.type) {
      case "string":
        return `text, at most ${d.maxLength} characters`;
      case "integer":
      case "number":
        return `${d.type} ${d.min} to ${d.max}${d.type === "integer" && d.step && d.step > 1 ? ` in steps of ${d.step}` : ""}`;
      case "boolean":
        return "true or false";
      case "enum":
        return `one of ${d.options.join(", ")}`;
      case "image_urls":
        return `${d.minItems ?? 0} to ${d.maxItems} image URLs`;
    }
  })();
  const fallback = "default" in d && d.default !== undefined ? `, default ${String(d.default)}` : d.required ? ", required" : ", optional";
  return `- ${d.name} (${rule}${fallback}): ${d.description}`;
}

export function registerCatalogTools(server: McpServer, ctx: McpContext): void {
  server.registerTool(
    "list_models",
    {
      title: "List image models",
      description: "Lists the gateway's image models with their price per image (USD) and status. Filters combine.",
      inputSchema: listModelsInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(ctx, async (args: z.output<typeof listModelsInput>) => {
      const variants = await listVariants({
        task: args.task && tasks[args.task],
        provider: args.provider,
        q: args.search || undefined,
        // Through the decimal text, never a float multiplication: $0.035 is exactly 35,000 micros.
        maxPriceMicros: args.max_price_usd === undefined ? undefined : (parseUsdToMicros(args.max_price_usd.toFixed(6)) ?? undefined),
      });
      const shown = variants.slice(0, args.limit).map(modelSummary);
      const more = variants.length - shown.length;
      const lines = shown.map((m) => `- ${m.slug}: ${m.name}, ${formatUsd(m.price_micros)} per image${m.status === "operational" ? "" : ` (${m.status})`}`);
      const text = shown.length === 0 ? "No model matches these filters." : [`${variants.length} models match:`, ...lines, ...(more > 0 ? [`(${more} more: raise limit or narrow the filters)`] : [])].join("\n");
      return toolResult(text, { models: shown, total: variants.length });
    }),
  );

  server.registerTool(
    "get_model",
    {
      title: "Get a model",
      description: "One model by slug or alias: its price per image, status and every parameter generate_image accepts for it, with ranges and defaults.",
      inputSchema: getModelInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(ctx, async ({ model }: z.output<typeof getModelInput>) => {
      const found = await resolveVariant(model);
      if (!found || found.variant.status === "disabled") {
        throw new AppError("not_found", `The model '${model}' does not exist. GET /v1/models lists the available models.`, { param: "model" });
      }
      const v = found.variant;
      const text = [
        `${v.displayName} (${v.slug}) by ${v.provider.name}: ${formatUsd(v.priceMicros)} per image, ${v.status}.`,
        v.description,
        "Parameters (pass them to generate_image as top-level arguments):",
        ...v.parameters.map(describeParam),
      ].join("\n");
      return toolResult(text, {
        ...modelSummary(v),
        aliases: v.aliases,
        family: v.family.slug,
        description: v.description,
        parameters: v.parameters,
      });
    }),
  );
}
