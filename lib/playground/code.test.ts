import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { IMAGE_PLACEHOLDER, paneSnippets, shellQuote } from "./code";

const execFileAsync = promisify(execFile);

/** Quotes, `$`, backticks, a backslash, a command substitution and newlines: all must reach the server unchanged. */
const nastyPrompt = `it's a "test" of $HOME and \`date\` $(echo pwned) \\n\nsecond line\n'quoted'`;

type Seen = { method: string; url: string; auth: string | undefined; contentType: string; body: Buffer };

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** createTask, recordInfo (success on the first poll), the OpenAI images routes, and one image. */
function fakeGateway() {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "";
      seen.push({ method: req.method ?? "", url, auth: req.headers.authorization, contentType: req.headers["content-type"] ?? "", body: Buffer.concat(chunks) });
      if (url === "/img.png") {
        res.setHeader("content-type", "image/png");
        res.end(png);
        return;
      }
      res.setHeader("content-type", "application/json");
      if (url === "/api/v1/jobs/createTask") {
        res.end(JSON.stringify({ code: 200, msg: "success", data: { taskId: "task_0123456789abcdefghij" } }));
      } else if (url.startsWith("/api/v1/jobs/recordInfo")) {
        const resultJson = JSON.stringify({ resultUrls: ["https://gw.example/media/med_1.jpg"] });
        res.end(JSON.stringify({ code: 200, msg: "success", data: { taskId: "task_0123456789abcdefghij", state: "success", resultJson } }));
      } else if (url.startsWith("/v1/images/")) {
        res.end(JSON.stringify({ created: 1, data: [{ url: "https://gw.example/media/med_2.jpg" }] }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
  });
  return { server, seen };
}

/** Runs a snippet with the key in its environment (through env(1): tests do not touch process.env). */
async function run(args: string[], script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync("env", ["LUMIGATE_API_KEY=lg_test_fromenv", ...args, script], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
const bash = (script: string) => run(["bash", "-c"], script);
// Evaluated from the project directory, so `import OpenAI from "openai"` finds the installed SDK.
const node = (script: string) => run(["node", "--input-type=module", "-e"], script);

function pane(input: Record<string, unknown> | null, overrides: { slug?: string; width?: number; height?: number } = {}) {
  return {
    variant: input ? { slug: overrides.slug ?? "flux-2-flex-text-to-image-1k", displayName: "FLUX.2 [flex]" } : null,
    input,
    width: overrides.width ?? 1024,
    height: overrides.height ?? 768,
  };
}

const flexInput = { prompt: nastyPrompt, seed: 42, aspect_ratio: "4:3", steps: 8, guidance: 3.5, output_format: "jpeg" };

describe("paneSnippets", () => {
  it("gives nothing in blind mode: the input would tell the variant", () => {
    expect(paneSnippets(pane(null), "https://gw.example")).toBeNull();
    expect(paneSnippets({ ...pane(flexInput), variant: null }, "https://gw.example")).toBeNull();
  });

  it("replaces inline images with the placeholder, says so, and keeps URLs as they are", () => {
    const input = { prompt: "x", image_urls: [`data:image/png;base64,${"A".repeat(5000)}`, "https://cdn.example/b.png"] };
    const snippets = paneSnippets(pane(input, { slug: "flux-2-pro-image-to-image-1k" }), "https://gw.example")!;
    for (const code of Object.values(snippets)) {
      expect(code).not.toContain("data:image");
      expect(code).toContain(IMAGE_PLACEHOLDER);
      expect(code).toContain("https://cdn.example/b.png");
      expect(code).toMatch(/uploaded image inline \(a data URL of megabytes\)/);
    }
    expect(paneSnippets(pane({ prompt: "x" }), "https://gw.example")!.curl).not.toContain("inline");
  });

  it("names the parameters the OpenAI images API cannot carry, and carries the rest", () => {
    const { openai } = paneSnippets(pane(flexInput), "https://gw.example/")!;
    expect(openai).toContain("// The OpenAI images API cannot carry steps, guidance: the Task API sends this pane's exact input.");
    expect(openai).toContain('size: "1024x768",');
    expect(openai).toContain("seed: 42,");
    expect(openai).toContain('baseURL: "https://gw.example/v1"');
    expect(openai).toContain("apiKey: process.env.LUMIGATE_API_KEY");
  });

  it("leaves size out when the pane's size does not have its ratio's shape, and says so", () => {
    const { openai } = paneSnippets(pane({ prompt: "x", aspect_ratio: "16:9" }, { width: 1024, height: 1024 }), "https://gw.example")!;
    expect(openai).not.toContain("size:");
    expect(openai).toContain("cannot carry aspect_ratio 16:9");
  });

  it("edits keep the input's shape with no size and cannot carry a seed", () => {
    const input = { prompt: "x", image_urls: ["https://cdn.example/a.png"], aspect_ratio: "match_input_image", seed: 7 };
    const { openai } = paneSnippets(pane(input, { slug: "flux-2-pro-image-to-image-1k" }), "https://gw.example")!;
    expect(openai).toContain("client.images.edit(");
    expect(openai).not.toContain("size:");
    expect(openai).toContain("cannot carry seed:");
  });
});

describe("shellQuote", () => {
  it.each([["plain"], ["it's"], ["$HOME `date` $(id)"], ["a\nb"], ["''"], [""]])("round-trips %j through bash", async (text) => {
    const { stdout } = await bash(`printf %s ${shellQuote(text)}`);
    expect(stdout).toBe(text);
  });
});

describe("the snippets, run against a loopback gateway", () => {
  const gateway = fakeGateway();
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    gateway.seen.length = 0;
  });
  afterAll(() => {
    gateway.server.close();
  });

  it("curl sends exactly the pane's model and input with the key from the environment, then polls", async () => {
    const { curl } = paneSnippets(pane(flexInput), base)!;
    const { code, stdout } = await bash(curl);
    expect(code).toBe(0);
    expect(stdout).toContain('"state":"success"');
    expect(gateway.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/v1/jobs/createTask",
      "GET /api/v1/jobs/recordInfo?taskId=task_0123456789abcdefghij",
    ]);
    expect(gateway.seen.every((s) => s.auth === "Bearer lg_test_fromenv")).toBe(true);
    expect(JSON.parse(gateway.seen[0]!.body.toString())).toEqual({ model: "flux-2-flex-text-to-image-1k", input: flexInput });
  });

  it("the Task API script sends exactly the pane's model and input, polls, and prints the image URLs", async () => {
    const { taskApi } = paneSnippets(pane(flexInput), base)!;
    const { code, stdout, stderr } = await node(taskApi);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("https://gw.example/media/med_1.jpg");
    expect(JSON.parse(gateway.seen[0]!.body.toString())).toEqual({ model: "flux-2-flex-text-to-image-1k", input: flexInput });
    expect(gateway.seen[1]!.url).toBe("/api/v1/jobs/recordInfo?taskId=task_0123456789abcdefghij");
    expect(gateway.seen.every((s) => s.auth === "Bearer lg_test_fromenv")).toBe(true);
  });

  it("the OpenAI SDK script calls images.generate with what the route reads", async () => {
    const { openai } = paneSnippets(pane(flexInput), base)!;
    const { code, stdout, stderr } = await node(openai);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("https://gw.example/media/med_2.jpg");
    expect(gateway.seen).toHaveLength(1);
    expect(gateway.seen[0]!.url).toBe("/v1/images/generations");
    expect(gateway.seen[0]!.auth).toBe("Bearer lg_test_fromenv");
    expect(JSON.parse(gateway.seen[0]!.body.toString())).toEqual({
      model: "flux-2-flex-text-to-image-1k",
      prompt: nastyPrompt,
      seed: 42,
      output_format: "jpeg",
      size: "1024x768",
    });
  });

  it("the OpenAI SDK script uploads the reference images to images.edit", async () => {
    const input = { prompt: nastyPrompt, image_urls: [`${base}/img.png`, `${base}/img.png`], aspect_ratio: "match_input_image" };
    const { openai } = paneSnippets(pane(input, { slug: "flux-2-pro-image-to-image-1k" }), base)!;
    const { code, stderr } = await node(openai);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const edit = gateway.seen.find((s) => s.url === "/v1/images/edits")!;
    const form = await new Request("http://x/", { method: "POST", headers: { "content-type": edit.contentType }, body: new Uint8Array(edit.body) }).formData();
    expect(form.get("model")).toBe("flux-2-pro-image-to-image-1k");
    // multipart/form-data turns every line break of a field into CRLF (any multipart client does).
    expect(form.get("prompt")).toBe(nastyPrompt.replaceAll("\n", "\r\n"));
    expect(form.has("size")).toBe(false);
    const files = [...form.entries()].filter(([name]) => name.startsWith("image")).map(([, v]) => v as File);
    expect(files).toHaveLength(2);
    expect(new Uint8Array(await files[0]!.arrayBuffer())).toEqual(new Uint8Array(png));
  });
});
