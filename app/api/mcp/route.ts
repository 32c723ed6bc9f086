import { AppError, type ErrorCode } from "@/lib/errors";
import { apiRoute, baseUrlOf, errorBody, errorDocUrl, httpErrors } from "@/lib/http";
import { handleMcpRequest, MCP_MAX_BODY_BYTES, mcpRequestBody } from "@/lib/mcp";

// POST /api/mcp: the MCP server (streamable HTTP) for coding agents; the API key is the bearer token,
// with the API's scopes, rate limit and billing.
export const POST = apiRoute(
  { envelope: "mcp", auth: "apiKey", body: mcpRequestBody, maxBodyBytes: MCP_MAX_BODY_BYTES },
  async ({ req, body, key, requestId }) => {
    const baseUrl = baseUrlOf(req);
    const errorInfo = (code: ErrorCode) => ({ status: httpErrors[code].status, docUrl: errorDocUrl(baseUrl, code) });
    return handleMcpRequest(req, body, { key, requestId, baseUrl, errorInfo });
  },
);

// A stateless server offers no SSE stream on GET and has no session to DELETE: the transport spec's 405.
const notAllowed = apiRoute({ envelope: "mcp" }, async ({ req }) => {
  const refusal = new AppError("method_not_allowed", `This MCP server is stateless: send JSON-RPC messages with POST, not ${req.method}.`);
  return Response.json(errorBody(refusal, "mcp", baseUrlOf(req)), { status: 405, headers: { Allow: "POST" } });
});

export { notAllowed as GET, notAllowed as DELETE };
