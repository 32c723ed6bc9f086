import { guideToMarkdown, type Guide } from "./blocks";

// /llms.txt and /llms-full.txt (llmstxt.org): the API summarised for AI agents, from the same
// guides and OpenAPI document people read.

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  pattern?: string;
  format?: string;
  $ref?: string;
  anyOf?: JsonSchema[];
};
type Operation = {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses: Record<string, { description?: string }>;
};
export type OpenApiLike = { paths?: Record<string, Record<string, Operation> | undefined> };

export type ModelLine = { slug: string; name: string; task: string; priceUsd: string };

const INTRO =
  "Lumigate is a pay-as-you-go gateway to image-generation models (FLUX.2, GPT Image, Ideogram, Qwen Image and more): " +
  "one account, one prepaid balance, one API key and one request shape. Generations that fail are never charged.";

function guideLink(base: string, guide: Guide): string {
  return `- [${guide.title}](${base}/docs/${guide.slug}): ${guide.summary}`;
}

export function llmsIndex(base: string, guides: Guide[]): string {
  return [
    "# Lumigate",
    "",
    `> ${INTRO}`,
    "",
    `Base URL: ${base}. Authenticate with \`Authorization: Bearer <key>\` or \`x-api-key: <key>\`; test keys (\`lg_test_...\`) run free on a simulator.`,
    "Create a task with `POST /api/v1/jobs/createTask` `{model, input, callBackUrl?}`, then poll `GET /api/v1/jobs/recordInfo?taskId=` until `state` is `success` or `fail`.",
    "",
    "## Docs",
    "",
    ...guides.map((g) => guideLink(base, g)),
    "",
    "## API",
    "",
    `- [OpenAPI 3.1 document](${base}/api/v1/openapi.json): every endpoint, parameter, range, default and error`,
    `- [API reference](${base}/docs/api): the same, for people`,
    `- [Models](${base}/api/v1/models): every model with its price and parameters (JSON)`,
    "",
    "## Optional",
    "",
    `- [Everything in one file](${base}/llms-full.txt): all guides, endpoints and models`,
    "",
  ].join("\n");
}

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  const type = [schema.type ?? "any"].flat().join(" | ");
  return type === "array" ? `${typeOf(schema.items)}[]` : type;
}

function constraints(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? "…"} to ${schema.maximum ?? "…"}`);
  if (schema.maxLength !== undefined) parts.push(`max ${schema.maxLength} chars`);
  if (schema.pattern) parts.push(`pattern \`${schema.pattern}\``);
  if (schema.format) parts.push(schema.format);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function field(name: string, schema: JsonSchema | undefined, where: string, required: boolean): string {
  const extra = [constraints(schema), schema?.description].filter(Boolean).join("; ");
  return `- \`${name}\` (${where}, ${typeOf(schema)}${required ? ", required" : ""})${extra ? `: ${extra}` : ""}`;
}

function endpoint(method: string, path: string, op: Operation): string[] {
  const lines = [`### ${method.toUpperCase()} ${path}`, ""];
  if (op.summary) lines.push(op.summary + (op.description ? `. ${op.description}` : ""), "");
  lines.push(op.security && op.security.length > 0 ? "Needs an API key." : "No key needed.", "");
  const fields = (op.parameters ?? []).map((p) => field(p.name, p.schema, p.in, Boolean(p.required)));
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
  if (body) {
    const [type, media] = body;
    const required = new Set(media.schema?.required ?? []);
    for (const [name, schema] of Object.entries(media.schema?.properties ?? {})) fields.push(field(name, schema, `body ${type}`, required.has(name)));
    if (fields.length > 0) lines.push(...fields, "");
    if (media.example !== undefined) lines.push("```json", JSON.stringify(media.example), "```", "");
  } else if (fields.length > 0) {
    lines.push(...fields, "");
  }
  const errors = Object.entries(op.responses).filter(([status]) => status !== "200");
  if (errors.length > 0) {
    lines.push(`Errors: ${errors.map(([status, r]) => `${status} (${(r.description ?? "").match(/`[a-z_]+`/g)?.join(", ") ?? ""})`).join("; ")}.`, "");
  }
  return lines;
}

export function llmsFull(base: string, guides: Guide[], document: OpenApiLike, models: ModelLine[]): string {
  const endpoints = Object.entries(document.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops ?? {}).flatMap(([method, op]) => endpoint(method, path, op)),
  );
  return [
    "# Lumigate",
    "",
    `> ${INTRO}`,
    "",
    `Base URL: ${base}. OpenAPI 3.1: ${base}/api/v1/openapi.json.`,
    "",
    ...guides.map((g) => guideToMarkdown(g, base, 2)),
    "## Endpoints",
    "",
    ...endpoints,
    "## Models",
    "",
    "Use the slug as `model`. Prices are per delivered image.",
    "",
    ...models.map((m) => `- \`${m.slug}\`: ${m.name}, ${m.task}, ${m.priceUsd}`),
    "",
  ].join("\n");
}
