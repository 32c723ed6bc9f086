import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withGenerationStack } from "@/lib/testing/generation-stack";
import { type RouteServer, startRouteServer } from "@/lib/testing/route-server";
import { GET as media } from "../../media/[file]/route";
import { DELETE, GET, POST } from "./route";

// The MCP server through the SDK's own client over real HTTP, with a worker and the simulator running.
withGenerationStack("mcp", { webhooks: true });

let server: RouteServer;
beforeAll(async () => {
  server = await startRouteServer([
    { path: "/api/mcp", handlers: { POST, GET, DELETE } },
    // The route server fills `file` from the path, as Next does.
    { path: "/media/[file]", handlers: { GET: (req, ctx) => media(req, ctx as { params: Promise<{ file: string }> }) } },
  ]);
});
afterAll(() => server.stop());

const FLUX_2_PRO = "flux-2-pro-text-to-image-1k";

async function connect(key: string, header: "authorization" | "x-api-key" = "authorization"): Promise<Client> {
  const client = new Client({ name: "lumigate-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${server.origin}/api/mcp`), {
    requestInit: { headers: header === "authorization" ? { Authorization: `Bearer ${key}` } : { "x-api-key": key } },
  });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  // Each test asserts the fields it cares about.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { isError: result.isError === true, text, data: result.structuredContent as any };
}

const availableMicros = async (accountId: string) => Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);

describe("/api/mcp", () => {
  it("lists the five tools, each with an input schema; generate_image's from the catalog", async () => {
    const client = await connect((await newKey(await newAccount(), { mode: "test" })).key);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["generate_image", "get_balance", "get_model", "get_task", "list_models"]);
    for (const tool of tools) expect(tool.inputSchema.type).toBe("object");
    const generate = tools.find((t) => t.name === "generate_image")!;
    expect(generate.inputSchema.required).toEqual(["model", "prompt"]);
    expect(generate.inputSchema.properties).toMatchObject({
      steps: { type: "integer", minimum: 1, maximum: 50 },
      image_urls: { type: "array" },
      wait_seconds: { type: "integer", maximum: 55 },
    });
    await client.close();
  });

  it("list_models filters by task, maker and price", async () => {
    const client = await connect((await newKey(await newAccount(), { mode: "test" })).key);
    const { isError, data, text } = await call(client, "list_models", { task: "text-to-image", provider: "black-forest-labs", max_price_usd: 0.035 });
    expect(isError).toBe(false);
    expect(data.models.length).toBeGreaterThan(0);
    for (const m of data.models) {
      expect(m).toMatchObject({ task: "text-to-image", provider: "black-forest-labs" });
      expect(m.price_micros).toBeLessThanOrEqual(35_000);
    }
    expect(data.models.map((m: { slug: string }) => m.slug)).toContain(FLUX_2_PRO);
    expect(text).toContain(`- ${FLUX_2_PRO}: FLUX.2 [pro]`);
    await client.close();
  });

  it("get_model answers price, status and parameters with ranges and defaults; an unknown model is not_found", async () => {
    const client = await connect((await newKey(await newAccount(), { mode: "test" })).key);
    const { data, text } = await call(client, "get_model", { model: "flux-2-flex-text-to-image-1k" });
    expect(data).toMatchObject({ slug: "flux-2-flex-text-to-image-1k", status: "operational", task: "text-to-image" });
    expect(data.price_usd).toBe(data.price_micros / 1_000_000);
    expect(data.parameters).toContainEqual(expect.objectContaining({ name: "steps", type: "integer", min: 1, max: 50 }));
    expect(text).toMatch(/- steps \(integer 1 to 50, default \d+\)/);
    const unknown = await call(client, "get_model", { model: "dall-e-9" });
    expect(unknown.isError).toBe(true);
    expect(unknown.data.error).toMatchObject({ code: "not_found", status: 404, param: "model" });
    await client.close();
  });

  it("generate_image with a test key: our own media URL serving an image of the asked size, nothing charged", async () => {
    const accountId = await newAccount(1 * USD);
    const client = await connect((await newKey(accountId, { mode: "test" })).key);
    const { isError, data, text } = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "a red kite", aspect_ratio: "16:9", seed: 7 });
    expect(isError).toBe(false);
    expect(data).toMatchObject({ state: "success", done: true, simulated: true, cost_micros: 0, cost_usd: 0, seed: 7 });
    expect(data.task_id).toMatch(/^task_[a-z0-9]{20}$/);
    const [image] = data.images;
    expect(image.url).toMatch(new RegExp(`^${server.origin}/media/med_[0-9a-z]{24}\\.jpg$`));
    expect(text).toContain(image.url);
    const res = await fetch(image.url);
    expect(res.status).toBe(200);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: image.width, height: image.height });
    expect(image.width / image.height).toBeCloseTo(16 / 9, 1);
    expect(await availableMicros(accountId)).toBe(USD);
    expect(await db.task.count({ where: { accountId, surface: "mcp" } })).toBe(1);
    await client.close();
  });

  it("generate_image with a live key charges exactly the price; get_task shows it, and not to another account", async () => {
    const accountId = await newAccount(1 * USD);
    const client = await connect((await newKey(accountId)).key);
    const price = (await call(client, "get_model", { model: FLUX_2_PRO })).data.price_micros;
    const generated = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "a blue kite" });
    expect(generated.data).toMatchObject({ state: "success", cost_micros: price, cost_usd: price / 1_000_000 });
    expect(await availableMicros(accountId)).toBe(USD - price);

    const task = await call(client, "get_task", { task_id: generated.data.task_id });
    expect(task.data).toMatchObject({ task_id: generated.data.task_id, state: "success", cost_micros: price, images: generated.data.images });

    const stranger = await connect((await newKey(await newAccount())).key);
    const hidden = await call(stranger, "get_task", { task_id: generated.data.task_id });
    expect(hidden.isError).toBe(true);
    expect(hidden.data.error).toMatchObject({ code: "not_found", status: 404 });
    await Promise.all([client.close(), stranger.close()]);
  });

  it("generate_image answers the task id and its state when the wait runs out", async () => {
    const client = await connect((await newKey(await newAccount(), { mode: "test" })).key);
    const { isError, data, text } = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "x [sim:hang]", wait_seconds: 1 });
    expect(isError).toBe(false);
    expect(data).toMatchObject({ done: false, images: [] });
    expect(["waiting", "queuing", "generating"]).toContain(data.state);
    expect(text).toContain(`get_task with task_id "${data.task_id}"`);
    await client.close();
  });

  it("a bad parameter is a tool error naming the field, with the API's code; nothing is created", async () => {
    const accountId = await newAccount();
    const client = await connect((await newKey(accountId)).key);
    const { isError, data, text } = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "x", safety_tolerance: 99 });
    expect(isError).toBe(true);
    expect(data.error).toMatchObject({ code: "validation_error", status: 422, param: "safety_tolerance" });
    expect(text).toMatch(/^validation_error \(422\): safety_tolerance: /);
    // steps belongs to other models; stepz to none: both are refused, not dropped.
    for (const name of ["steps", "stepz"]) {
      const unknown = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "x", [name]: 20 });
      expect(unknown.data.error).toMatchObject({ code: "validation_error", status: 422 });
      expect(unknown.text).toContain(`"${name}"`);
    }
    expect(await db.task.count({ where: { accountId } })).toBe(0);
    await client.close();
  });

  it("insufficient credit is a tool error with the 402 code, and nothing is created", async () => {
    const accountId = await newAccount(1_000);
    const client = await connect((await newKey(accountId)).key);
    const { isError, data } = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "x" });
    expect(isError).toBe(true);
    expect(data.error).toMatchObject({ code: "insufficient_credits", status: 402 });
    expect(await db.task.count({ where: { accountId } })).toBe(0);
    await client.close();
  });

  it("get_balance answers what GET /v1/account/balance does, plus the key's mode", async () => {
    const accountId = await newAccount(2 * USD, { dailyCapMicros: 5 * USD });
    const client = await connect((await newKey(accountId)).key);
    const { data, text } = await call(client, "get_balance");
    expect(data).toMatchObject({ object: "balance", available_micros: 2 * USD, available_usd: 2, reserved_micros: 0, caps: { daily_micros: 5 * USD }, key_mode: "live" });
    expect(text).toContain("Available: $2.00");
    await client.close();
  });

  it("a key without the needed scope gets forbidden from that tool only", async () => {
    const client = await connect((await newKey(await newAccount(), { scopes: ["read"] })).key);
    const { isError, data } = await call(client, "generate_image", { model: FLUX_2_PRO, prompt: "x" });
    expect(isError).toBe(true);
    expect(data.error).toMatchObject({ code: "forbidden", status: 403 });
    expect((await call(client, "get_balance")).isError).toBe(false);
    await client.close();
  });

  it("a bad key: the client's connect fails with 401, and the answer carries WWW-Authenticate", async () => {
    const failure = await connect("lg_live_notarealkeynotarealkeynotarealkey0").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StreamableHTTPError);
    expect((failure as StreamableHTTPError).code).toBe(401);

    const res = await fetch(`${server.origin}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000, data: { code: "unauthorized", status: 401 } } });
  });

  it("takes the key as x-api-key too", async () => {
    const client = await connect((await newKey(await newAccount(), { mode: "test" })).key, "x-api-key");
    expect((await call(client, "get_balance")).data.key_mode).toBe("test");
    await client.close();
  });

  it("429 past the key's request rate, with Retry-After, in a JSON-RPC error body", async () => {
    const { key } = await newKey(await newAccount(), { ratePer10s: 1, mode: "test" });
    const send = () =>
      fetch(`${server.origin}/api/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32000, data: { code: "rate_limited", status: 429 } } });
  });

  it("GET and DELETE answer 405 with Allow: POST, as a stateless server does", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await fetch(`${server.origin}/api/mcp`, { method, headers: { accept: "text/event-stream" } });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    }
  });
});
