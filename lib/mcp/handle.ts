import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";
import { listVariants } from "@/lib/catalog";
import { registerAccountTools } from "./account-tools";
import { registerCatalogTools } from "./catalog-tools";
import { registerGenerateTool } from "./generate-tool";
import type { McpContext } from "./results";

const instructions =
  "Lumigate generates images with many models behind one API key. Find a model with list_models, read its parameters with get_model, " +
  "then call generate_image; if the image is not ready within wait_seconds, call get_task with the task id it answered. " +
  "Live keys are charged the listed price per successful image (get_balance shows what is left); test keys are free and run on a simulator.";

/** A JSON-RPC message or batch; the transport checks its shape and answers JSON-RPC errors itself. */
export const mcpRequestBody = z.unknown().refine((body) => body !== undefined, "is required: a JSON-RPC message or batch");

// A tool call may carry input images inline as data URLs (an agent has local files, not public URLs).
export const MCP_MAX_BODY_BYTES = 16 * 1024 * 1024;

async function mcpServer(ctx: McpContext): Promise<McpServer> {
  // generate_image's input schema is built from the catalog as it is now.
  const variants = await listVariants();
  const server = new McpServer({ name: "lumigate", title: "Lumigate", version: "1.0.0" }, { instructions });
  registerCatalogTools(server, ctx);
  registerGenerateTool(server, ctx, variants);
  registerAccountTools(server, ctx);
  return server;
}

/**
 * Answers one MCP request (a JSON-RPC message or batch, already authenticated and parsed).
 * Stateless: a new server and transport per request and no session id, so any web instance can
 * answer any request and nothing lives in memory between them; every tool reads what it needs from
 * the database. Answers stream as SSE (the SDK's default), whose keep-alive comments hold a long
 * generate_image wait open through idle-timeout proxies.
 */
export async function handleMcpRequest(req: Request, body: unknown, ctx: McpContext): Promise<Response> {
  const server = await mcpServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  return transport.handleRequest(req, { parsedBody: body });
}
