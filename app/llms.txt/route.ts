import { guides } from "@/lib/http/guides";
import { llmsIndex } from "@/lib/docs/llms";
import { baseUrlOf } from "@/lib/http";

// GET /llms.txt: what this API is and where its docs are, for AI agents (llmstxt.org).
export async function GET(req: Request): Promise<Response> {
  const base = baseUrlOf(req);
  return new Response(llmsIndex(base, guides(base)), { headers: { "content-type": "text/plain; charset=utf-8" } });
}
