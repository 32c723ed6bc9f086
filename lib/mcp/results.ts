import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { KeyContext, KeyScope } from "@/lib/keys";

// MCP is a surface of its own, like lib/http: it renders the domain's AppError (a tool error with
// `isError`, so the agent reads and reacts to it) with the code, HTTP status and message the API
// gives for the same mistake. Those two facts come from lib/http through the context (the route
// supplies them), so the status table stays in one place.

export type McpContext = {
  key: KeyContext;
  baseUrl: string;
  requestId: string;
  /** The HTTP status the API answers this code with, and its section of the errors guide. */
  errorInfo: (code: ErrorCode) => { status: number; docUrl: string };
};

export function toolResult(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: data };
}

export function toolError(error: unknown, ctx: McpContext, extra: Record<string, unknown> = {}): CallToolResult {
  if (!(error instanceof AppError)) {
    // Prisma's or a provider's message stays in the log, never in the answer.
    console.error(`[mcp] ${ctx.requestId} unhandled error`, error);
  }
  const appError =
    error instanceof AppError ? error : new AppError("internal", `Internal server error. Quote request id ${ctx.requestId} when asking for help.`);
  const { status, docUrl } = ctx.errorInfo(appError.code);
  const { param, issues, retryAfterSec } = appError.options;
  return {
    isError: true,
    content: [{ type: "text", text: `${appError.code} (${status}): ${appError.message}` }],
    structuredContent: {
      error: {
        code: appError.code,
        status,
        message: appError.message,
        ...(param ? { param } : {}),
        ...(issues ? { details: issues } : {}),
        ...(retryAfterSec !== undefined ? { retry_after_sec: retryAfterSec } : {}),
        doc_url: docUrl,
      },
      ...extra,
    },
  };
}

/** Runs a tool's body, answering any error as a tool error rather than a protocol failure. */
export function guarded<A>(ctx: McpContext, run: (args: A) => Promise<CallToolResult>): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      return toolError(error, ctx);
    }
  };
}

/** The same refusal as a route declared with `scope`. */
export function requireScope(key: KeyContext, anyOf: KeyScope[]): void {
  if (!anyOf.some((s) => key.scopes.includes(s))) {
    throw new AppError("forbidden", `This API key lacks the '${anyOf.join("' or '")}' scope.`);
  }
}
