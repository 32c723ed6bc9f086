import { documentedPaths } from "@/app/api/v1/openapi.json/paths";
import { taskLabels } from "@/components/catalog/variant-labels";
import { formatUsd, listVariants } from "@/lib/catalog";
import { guides } from "@/lib/http/guides";
import { llmsFull, type OpenApiLike } from "@/lib/docs/llms";
import { baseUrlOf } from "@/lib/http";
import { openApiDocument } from "@/lib/http/openapi";

// GET /llms-full.txt: every guide, endpoint and model in one Markdown file, for AI agents.
export async function GET(req: Request): Promise<Response> {
  const base = baseUrlOf(req);
  const variants = await listVariants({ sort: "name" });
  const models = variants
    .filter((v) => v.status !== "disabled")
    .map((v) => ({ slug: v.slug, name: v.displayName, task: taskLabels[v.task].toLowerCase(), priceUsd: `${formatUsd(v.priceMicros)} per image` }));
  const document = openApiDocument(documentedPaths, base) as OpenApiLike;
  return new Response(llmsFull(base, guides(base), document, models), { headers: { "content-type": "text/plain; charset=utf-8" } });
}
