import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { ErrorCode } from "@/lib/errors";
import { idempotencyKeySchema } from "@/lib/idempotency/claim";
import { errorDocs, errorDocUrl } from "./error-docs";
import { httpErrors } from "./errors";
import type { ApiRoute, Spec } from "./route";

export type DocumentedPath = { path: string; methods: Partial<Record<"GET" | "POST", ApiRoute>> };

const taskError = z
  .object({
    code: z.number().int().meta({ description: "The seed table's code (433, 455, 501 and 505 ride on HTTP 402, 503, 502 and 403)." }),
    msg: z.string(),
    data: z.null(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional().meta({ description: "Every failing field of a 422." }),
    doc_url: z.url().meta({ description: "This code's section of the errors guide" }),
  })
  .meta({ id: "TaskError" });

const openaiError = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      param: z.string().nullable(),
      code: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      doc_url: z.url().meta({ description: "This code's section of the errors guide" }),
    }),
  })
  .meta({ id: "OpenAIError" });

function taskSuccess(data: z.ZodType) {
  return z.object({ code: z.literal(200), msg: z.literal("success"), data });
}

/** The errors any route of this shape can answer, before its own. */
function implicitErrors(spec: Spec): ErrorCode[] {
  const codes: ErrorCode[] = ["internal"];
  if (spec.auth === "apiKey") codes.push("unauthorized", "forbidden", "rate_limited");
  if (spec.query || spec.params || spec.body) codes.push("bad_request", "validation_error");
  if (spec.body) codes.push("payload_too_large");
  if (spec.idempotency) codes.push("idempotency_in_progress", "idempotency_mismatch");
  return codes;
}

function errorExample(code: ErrorCode, envelope: Spec["envelope"], serverUrl: string): unknown {
  const { taskCode, openaiType } = httpErrors[code];
  const msg = errorDocs[code].when;
  const doc_url = errorDocUrl(serverUrl, code);
  return envelope === "task"
    ? { code: taskCode, msg, data: null, doc_url }
    : { error: { message: msg, type: openaiType, param: null, code, doc_url } };
}

function errorResponses(spec: Spec, serverUrl: string): ZodOpenApiOperationObject["responses"] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...implicitErrors(spec), ...(spec.doc?.errors ?? [])])) {
    const { status } = httpErrors[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const schema = spec.envelope === "task" ? taskError : openaiError;
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        {
          description: codes
            .map((code) => {
              const label = spec.envelope === "task" ? `[\`${code}\`](${errorDocUrl(serverUrl, code)}) (code ${httpErrors[code].taskCode})` : `[\`${code}\`](${errorDocUrl(serverUrl, code)})`;
              return `${label}: ${errorDocs[code].when}`;
            })
            .join("\n\n"),
          content: { "application/json": { schema, example: errorExample(codes[0]!, spec.envelope, serverUrl) } },
        },
      ]),
  );
}

/** The example a response schema carries in its metadata, wrapped in the task envelope where it applies. */
function successExample(data: z.ZodType, envelope: Spec["envelope"]): { example?: unknown } {
  const example = data.meta()?.example;
  if (example === undefined) return {};
  return { example: envelope === "task" ? { code: 200, msg: "success", data: example } : example };
}

function operation(method: string, path: string, route: ApiRoute, serverUrl: string): ZodOpenApiOperationObject {
  const { spec } = route;
  const doc = spec.doc;
  if (!doc) throw new Error(`${method} ${path} has no doc in its apiRoute spec`);
  const data = doc.response ?? z.unknown();
  const bodyType = spec.bodyFormat === "form" ? "multipart/form-data" : "application/json";
  return {
    operationId: `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: doc.summary,
    description: doc.description,
    tags: doc.tags,
    ...(spec.auth === "apiKey" ? { security: [{ bearer: [] }, { apiKeyHeader: [] }] } : { security: [] }),
    requestParams: {
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(spec.params ? { path: spec.params as z.ZodObject } : {}),
      ...(spec.idempotency
        ? { header: z.object({ "idempotency-key": idempotencyKeySchema.optional() }) }
        : {}),
    },
    ...(spec.body
      ? { requestBody: { required: true, content: { [bodyType]: { schema: spec.body, ...(doc.example ? { example: doc.example } : {}) } } } }
      : {}),
    responses: {
      [String(spec.successStatus ?? 200)]: {
        description: "Success.",
        content: { "application/json": { schema: spec.envelope === "task" ? taskSuccess(data) : data, ...successExample(data, spec.envelope) } },
      },
      ...errorResponses(spec, serverUrl),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the public API, built from each route's own apiRoute spec: the zod
 * schemas it validates with, its envelope, its auth and the errors it can answer.
 */
export function openApiDocument(paths: DocumentedPath[], serverUrl: string): ReturnType<typeof createDocument> {
  const documented: ZodOpenApiPathsObject = {};
  for (const { path, methods } of paths) {
    documented[path] = Object.fromEntries(
      Object.entries(methods).map(([method, route]) => [method.toLowerCase(), operation(method, path, route!, serverUrl)]),
    );
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Lumigate API",
      version: "1",
      description:
        "One key and one request shape for many image models. Task routes answer in the `{code, msg, data}` envelope; " +
        "OpenAI-compatible routes in OpenAI's shapes. Send the key as `Authorization: Bearer <key>` or `x-api-key: <key>`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "`Authorization: Bearer lg_live_...` (or lg_test_... for the free simulator)." },
        apiKeyHeader: { type: "apiKey", in: "header", name: "x-api-key" },
      },
    },
    paths: documented,
  });
}
