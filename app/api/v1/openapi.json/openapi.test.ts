import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/fixtures";
import { GET } from "./route";

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content: Record<string, { schema: unknown; example?: unknown }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, unknown> } };

const apiDir = path.resolve("app/api/v1");

/** Each route.ts under app/api/v1 as an OpenAPI path, with the HTTP methods its module exports. */
async function routeFiles(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const entries = readdirSync(apiDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name !== "route.ts") continue;
    const relative = path.relative(apiDir, entry.parentPath).split(path.sep);
    // The catch-all that answers 404 for anything unknown is no endpoint.
    if (relative[0] === "[...path]") continue;
    const route = `/api/v1/${relative.map((s) => s.replace(/^\[\.\.\.(\w+)\]$/, "{$1}").replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
    const mod = (await import(path.join(entry.parentPath, entry.name))) as Record<string, unknown>;
    found.set(route, ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase()));
  }
  return found;
}

let doc: Document;
beforeAll(async () => {
  const answer = await call(GET, new Request("http://gateway.test/api/v1/openapi.json"));
  expect(answer.status).toBe(200);
  doc = answer.body as Document;
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("names every route under /api/v1 with its methods, and no route that does not exist", async () => {
    const files = await routeFiles();
    const documented = new Map(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect([...documented.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [route, methods] of files) expect(documented.get(route), route).toEqual(methods.sort());
  });

  it("describes both auth headers on every key route, and its auth, limit and parsing errors", () => {
    const create = doc.paths["/api/v1/jobs/createTask"]!.post!;
    expect(create.security).toEqual([{ bearer: [] }, { apiKeyHeader: [] }]);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["200", "401", "402", "403", "404", "413", "422", "429", "503"]));
    expect(create.responses["402"]!.description).toContain("[`key_limit_exceeded`](http://gateway.test/docs/errors#key_limit_exceeded) (code 433)");
    expect(create.responses["503"]!.description).toContain("[`maintenance`](http://gateway.test/docs/errors#maintenance) (code 455)");
    expect(create.parameters?.find((p) => p.name === "idempotency-key")).toMatchObject({ in: "header" });
    expect(doc.paths["/api/v1/models"]!.get!.security).toEqual([]);
  });

  it("gives every answer a shape, and every error an example linking its guide section", () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path === "/api/v1/openapi.json") continue;
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const media = response.content["application/json"]!;
          expect(JSON.stringify(media.schema), `${method} ${path} ${status}`).not.toBe("{}");
          if (status !== "200") expect(JSON.stringify(media.example), `${method} ${path} ${status}`).toMatch(/"doc_url":"http:\/\/gateway\.test\/docs\/errors#[a-z_]+"/);
        }
      }
    }
    expect(doc.paths["/api/v1/account/balance"]!.get!.responses["200"]!.content["application/json"]!).toHaveProperty("example.object", "balance");
  });

  it("keeps each parameter's range from the schema the route validates with", () => {
    const info = doc.paths["/api/v1/jobs/recordInfo"]!.get!;
    expect(info.parameters?.find((p) => p.name === "taskId")).toMatchObject({ in: "query", schema: { pattern: "^task_[a-z0-9]{20}$" } });
    const body = doc.paths["/api/v1/jobs/createTask"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(body).toMatchObject({ properties: { model: { maxLength: 200, minLength: 1 } }, required: expect.arrayContaining(["model", "input"]) });
    const generate = doc.paths["/api/v1/images/generations"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(JSON.stringify(generate)).toContain('"maximum":4');
    expect(doc.paths["/api/v1/images/edits"]!.post!.requestBody!.content).toHaveProperty("multipart/form-data");
  });
});
