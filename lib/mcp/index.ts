import "server-only";

export { handleMcpRequest, MCP_MAX_BODY_BYTES, mcpRequestBody } from "./handle";
export type { McpContext } from "./results";
