import { createHash } from "node:crypto";
import { oneHourMs, type ProtocolHandler, type SimContext } from "../context";
import { faultsFor, stripDirectives } from "../directives";
import { generationMs, planTimeline } from "../durations";
import { credentialFrom, json, parseJson, type Reply, type SimRequest } from "../http-io";
import type { Job } from "../job-engine";
import type { ImageFormat } from "../render-image";
import type { Size } from "../sizes";
import { fieldProblems, parseOptions } from "../validation";
import { isErrorBody, readEditRequest, type EditRequest } from "./edit-request";
import { editBody, generationBody, modelProblem, openAiError, openAiModels, problemError, type OpenAiModel } from "./schemas";

// api.openai.com/v1 images and the model list under /openai. Images are synchronous: the request is
// held for the whole simulated generation and answers with them inline (gpt-image) or as URLs (dall-e).

// The SDK gives up after 10 minutes; a hung job answers a little after that, to nobody.
const holdLimitMs = 11 * 60 * 1000;
const outputTokens: Record<string, [square: number, oblong: number]> = {
  low: [272, 408],
  medium: [1056, 1584],
  high: [4160, 6240],
};
const refusals: Record<429 | 500 | 503, Reply> = {
  429: json(
    429,
    openAiError("Rate limit reached for images per minute. Please try again in 1s.", null, "rate_limit_exceeded", "requests"),
    { "retry-after": "1" },
  ),
  500: json(500, openAiError("The server had an error while processing your request. Sorry about that!", null, null, "server_error")),
  503: json(503, openAiError("The engine is currently overloaded, please try again later.", null, "service_unavailable", "server_error")),
};

type Plan = { model: string; spec: OpenAiModel; size: Size; sizeName: string; quality: string; format: ImageFormat; n: number };
type Accepted = { job: Job; plan: Plan; prompt: string; transparent: boolean; inputImages: number };

function sizeFor(spec: OpenAiModel, requested: string, firstImage: Size | null): Size {
  if (requested !== "auto") {
    const [width, height] = requested.split("x").map(Number);
    return { width: width!, height: height! };
  }
  if (!firstImage || firstImage.width === firstImage.height || spec.family !== "gpt-image") return { width: 1024, height: 1024 };
  return firstImage.width > firstImage.height ? { width: 1536, height: 1024 } : { width: 1024, height: 1536 };
}

/** OpenAI takes no seed: each image's seed follows from the request, so the same request draws the same images. */
function seedFor(plan: Plan, prompt: string, index: number): number {
  const digest = createHash("sha256").update(JSON.stringify([plan.model, prompt, plan.sizeName, plan.quality, index])).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

function usageOf(plan: Plan, prompt: string, inputImages: number) {
  const [square, oblong] = outputTokens[plan.quality] ?? outputTokens.medium!;
  const output = (plan.size.width === plan.size.height ? square : oblong) * plan.n;
  const text = Math.ceil(prompt.length / 4);
  const image = inputImages * 323;
  return {
    input_tokens: text + image,
    input_tokens_details: { image_tokens: image, text_tokens: text },
    output_tokens: output,
    total_tokens: text + image + output,
  };
}

export function createOpenAiProtocol(ctx: SimContext): ProtocolHandler {
  const { engine } = ctx;

  async function accept(request: SimRequest, token: string, kind: "generations" | "edits"): Promise<Reply | Accepted> {
    const raw = await request.body();
    let edit: EditRequest | null = null;
    let fields: unknown;
    if (kind === "edits") {
      const read = await readEditRequest(request.header("content-type") ?? "", raw);
      if (isErrorBody(read)) return json(400, read);
      edit = read;
      fields = read.fields;
    } else {
      const parsedJson = parseJson(raw);
      if (!parsedJson.ok) return json(400, openAiError("We could not parse the JSON body of your request.", null, null));
      fields = parsedJson.value;
    }
    const faults = faultsFor((fields as Record<string, unknown> | null)?.prompt, "openai");
    if (faults.refuseWith) return refusals[faults.refuseWith];
    const parsed = (kind === "edits" ? editBody : generationBody).safeParse(fields, parseOptions);
    if (!parsed.success) return json(400, problemError(fieldProblems(parsed.error)[0]!));
    const body = parsed.data;
    const model = body.model ?? "dall-e-2";
    const spec = Object.hasOwn(openAiModels, model) ? openAiModels[model] : undefined;
    if (!spec) {
      return json(404, openAiError(`The model '${model}' does not exist or you do not have access to it.`, "model", "model_not_found"));
    }
    const invalid = modelProblem(spec, body);
    if (invalid) return json(400, invalid);
    if (edit && edit.imageCount > spec.maxEditImages) {
      const message = `Invalid 'image': ${model} accepts at most ${spec.maxEditImages} input images.`;
      return json(400, openAiError(message, "image", "invalid_value"));
    }
    if (!engine.admits("openai", token, false)) return refusals[429];

    const sizeName = body.size ?? (spec.family === "gpt-image" ? "auto" : "1024x1024");
    const size = sizeFor(spec, sizeName, edit?.firstImage ?? null);
    const quality = !body.quality || body.quality === "auto" ? spec.qualities[spec.family === "gpt-image" ? 2 : 0]! : body.quality;
    const format = spec.family === "gpt-image" ? (body.output_format ?? "png") : "png";
    const plan: Plan = { model, spec, size, sizeName, quality, format, n: body.n ?? 1 };
    const prompt = stripDirectives(body.prompt);
    const asUrl = spec.family === "dall-e" && body.response_format !== "b64_json";
    const job: Job = engine.submit({
      protocol: "openai",
      credential: token,
      model,
      renders: Array.from({ length: plan.n }, (_, i) => ({ prompt, seed: seedFor(plan, prompt, i), model, ...size, format: plan.format })),
      timeline: planTimeline(generationMs(spec.pace(quality), { ...size, images: plan.n }), faults, ctx.speed),
      faults,
      fileTtlMs: asUrl ? oneHourMs : null,
      meta: null,
    });
    return { job, plan, prompt, transparent: body.background === "transparent", inputImages: edit?.imageCount ?? 0 };
  }

  function answer({ job, plan, prompt, transparent, inputImages }: Accepted): Reply {
    const outcome = job.outcome;
    if (!outcome) return json(500, openAiError("The request timed out.", null, "timeout", "server_error"));
    if (outcome.kind === "moderated") {
      return json(
        400,
        openAiError(
          "Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com.",
          null,
          "moderation_blocked",
          "image_generation_user_error",
        ),
      );
    }
    if (outcome.kind !== "succeeded") return refusals[500];
    const { model, size } = plan;
    const data = outcome.images.map((image) => {
      const item = image.file ? { url: image.file.url } : { b64_json: image.data!.toString("base64") };
      // The bytes were only kept to be answered once.
      image.data = null;
      return model === "dall-e-3" ? { ...item, revised_prompt: prompt } : item;
    });
    const created = Math.floor(Date.now() / 1000);
    if (plan.spec.family === "dall-e") return json(200, { created, data });
    return json(200, {
      created,
      background: transparent ? "transparent" : "opaque",
      data,
      output_format: plan.format,
      quality: plan.quality,
      size: `${size.width}x${size.height}`,
      usage: usageOf(plan, prompt, inputImages),
    });
  }

  return async (request) => {
    const token = credentialFrom(request.header("authorization"), ["Bearer"]);
    if (!token) {
      const message = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.";
      return json(401, openAiError(message, null, null));
    }
    const route = request.segments.join("/");
    if (request.method === "GET" && route === "v1/models") {
      const data = Object.keys(openAiModels).map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "openai" }));
      return json(200, { object: "list", data });
    }
    if (request.method === "POST" && (route === "v1/images/generations" || route === "v1/images/edits")) {
      const accepted = await accept(request, token, route === "v1/images/edits" ? "edits" : "generations");
      if ("status" in accepted) {
        ctx.counters.refused.openai++;
        return accepted;
      }
      ctx.counters.submitted.openai++;
      await engine.settled(accepted.job, holdLimitMs, request.signal);
      return answer(accepted);
    }
    return json(404, openAiError(`Invalid URL (${request.method} /v1/${request.segments.slice(1).join("/")})`, null, null));
  };
}
