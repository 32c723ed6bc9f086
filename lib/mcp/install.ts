// How to add the MCP server to each coding agent, for the /docs guide. Pure, so a page can render it.
// Checked against each tool's documented format (December 2026): Claude Code's `claude mcp add`
// (--transport http, --header) and its .mcp.json `${VAR}` expansion; Codex's `[mcp_servers.<name>]`
// table with `url` and `bearer_token_env_var` (Codex refuses an inline token there); Cursor's
// mcp.json with `url`, `headers` and `${env:NAME}` interpolation.

export type McpClient = "claude-code" | "codex" | "cursor";

export type McpInstallSnippet = {
  client: McpClient;
  title: string;
  /** Where the snippet goes: a shell, or the path of the file to add it to. */
  where: string;
  language: "bash" | "toml" | "json";
  code: string;
  note: string;
};

/** The environment variable every snippet reads the key from, so no key is written into a shared file. */
const MCP_KEY_ENV = "LUMIGATE_API_KEY";

export function mcpEndpoint(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/api/mcp`;
}

export function mcpInstallSnippets(origin: string): McpInstallSnippet[] {
  const url = mcpEndpoint(origin);
  const cursorConfig = { mcpServers: { lumigate: { url, headers: { Authorization: `Bearer \${env:${MCP_KEY_ENV}}` } } } };
  return [
    {
      client: "claude-code",
      title: "Claude Code",
      where: "shell",
      language: "bash",
      code: `export ${MCP_KEY_ENV}=lg_live_...\nclaude mcp add --transport http lumigate ${url} --header "Authorization: Bearer $${MCP_KEY_ENV}"`,
      note:
        "The shell puts the key into the command, and Claude Code stores it for this project (add --scope user for every project). " +
        `For a shared .mcp.json, write "Authorization": "Bearer \${${MCP_KEY_ENV}}" instead: Claude Code expands it at startup.`,
    },
    {
      client: "codex",
      title: "Codex",
      where: "~/.codex/config.toml",
      language: "toml",
      code: `[mcp_servers.lumigate]\nurl = "${url}"\nbearer_token_env_var = "${MCP_KEY_ENV}"`,
      note: `Codex sends $${MCP_KEY_ENV} as the bearer token; export it in the shell that starts Codex. codex mcp add lumigate --url ${url} --bearer-token-env-var ${MCP_KEY_ENV} writes the same entry.`,
    },
    {
      client: "cursor",
      title: "Cursor",
      where: ".cursor/mcp.json",
      language: "json",
      code: JSON.stringify(cursorConfig, null, 2),
      note: `Use ~/.cursor/mcp.json for every project. Cursor reads ${MCP_KEY_ENV} from the environment it was started in; restart it after setting the variable.`,
    },
  ];
}
