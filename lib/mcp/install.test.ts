import { describe, expect, it } from "vitest";
import { mcpInstallSnippets } from "./install";

describe("mcpInstallSnippets", () => {
  const [claude, codex, cursor] = mcpInstallSnippets("https://lumigate.example/");

  it("points every client at the origin's /api/mcp", () => {
    for (const snippet of [claude, codex, cursor]) expect(snippet!.code).toContain("https://lumigate.example/api/mcp");
    expect(claude!.code).not.toContain("example//api");
  });

  it("adds the server to Claude Code over HTTP with the key as a bearer header", () => {
    expect(claude!.code).toContain('claude mcp add --transport http lumigate https://lumigate.example/api/mcp --header "Authorization: Bearer $LUMIGATE_API_KEY"');
  });

  it("gives Codex a config.toml table that reads the key from the environment", () => {
    expect(codex!.where).toBe("~/.codex/config.toml");
    expect(codex!.code).toBe('[mcp_servers.lumigate]\nurl = "https://lumigate.example/api/mcp"\nbearer_token_env_var = "LUMIGATE_API_KEY"');
  });

  it("gives Cursor valid mcp.json with an interpolated Authorization header", () => {
    expect(JSON.parse(cursor!.code)).toEqual({
      mcpServers: { lumigate: { url: "https://lumigate.example/api/mcp", headers: { Authorization: "Bearer ${env:LUMIGATE_API_KEY}" } } },
    });
  });
});
