import { createHmac } from "node:crypto";
import { randomSeed, tenMinutesMs, type ProtocolHandler, type SimContext } from "../context";
import { faultsFor, stripDirectives } from "../directives";
import { generationMs, planTimeline } from "../durations";
import { json, parseJson, type Reply, type SimRequest } from "../http-io";
import type { Job } from "../job-engine";
import { fastApiDetail, jsonDecodeDetail } from "../validation";
import { bflCost, bflModels, type BflModel } from "./models";
import { parseBflInput, type BflInput } from "./schemas";

// api.bfl.ai under /bfl: submit, get_result, credits, and signed webhooks.

type BflMeta = { input: BflInput; model: BflModel; cost: number; prompt: string };
type BflJob = Job<BflMeta>;

const startingCredits = 100_000;
const webhookRetryDelaysMs = [1_000, 5_000, 30_000];
const refusals: Record<429 | 500 | 503, string> = {
  429: "Too many requests, please slow down",
  500: "Internal Server Error",
  503: "Service temporarily unavailable",
};

function statusOf(job: BflJob): string {
  if (job.phase === "queued") return "Pending";
  if (job.phase === "running") return job.meta.model.family === "flux-2" ? "Generating" : "Pending";
  switch (job.outcome?.kind) {
    case "succeeded":
      return "Ready";
    case "moderated":
      return "Request Moderated";
    default:
      return "Error";
  }
}

function resultOf(job: BflJob, engine: SimContext["engine"]) {
  const outcome = job.outcome;
  const image = outcome?.kind === "succeeded" ? outcome.images[0] : undefined;
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return {
    id: job.id,
    status: statusOf(job),
    result: image?.file
      ? {
          sample: image.file.url,
          seed: image.spec.seed,
          prompt: job.meta.prompt,
          start_time: seconds(job.startedAt),
          end_time: seconds(job.completedAt),
          duration: seconds(job.completedAt! - job.startedAt!),
        }
      : null,
    progress: job.phase === "queued" ? null : Math.round(engine.progress(job) * 100) / 100,
    details:
      outcome?.kind === "moderated"
        ? { "Moderation Reasons": [outcome.message] }
        : outcome?.kind === "failed"
          ? { error: outcome.message }
          : null,
    preview: null,
  };
}

export function createBflProtocol(ctx: SimContext): ProtocolHandler {
  const { engine } = ctx;
  const credits = new Map<string, number>();
  const balance = (key: string) => credits.get(key) ?? startingCredits;

  engine.on("bfl", (anyJob, event) => {
    const job = anyJob as BflJob;
    if (event !== "done") return;
    // Moderated and failed requests are not charged.
    if (job.outcome?.kind !== "succeeded") credits.set(job.credential, balance(job.credential) + job.meta.cost);
    const webhook = job.meta.input.webhook;
    if (!webhook) return;
    const result = resultOf(job, engine);
    const body = JSON.stringify({
      id: job.id,
      status: result.status,
      result: result.result ? { sample: result.result.sample, prompt: result.result.prompt, seed: result.result.seed } : null,
      ...(result.details ? { details: result.details } : {}),
      timestamp: Math.floor(Date.now() / 1000),
    });
    const signature = webhook.secret ? `sha256=${createHmac("sha256", webhook.secret).update(body).digest("hex")}` : null;
    ctx.webhooks.send({
      url: webhook.url,
      body,
      headers: (): Record<string, string> => (signature ? { "X-BFL-Signature": signature } : {}),
      retryDelaysMs: webhookRetryDelaysMs,
      copies: job.faults.dupWebhook ? 2 : 1,
    });
  });

  async function submit(request: SimRequest, key: string, modelName: string, model: BflModel): Promise<Reply> {
    const raw = parseJson(await request.body());
    if (!raw.ok) return json(422, { detail: jsonDecodeDetail });
    const body = raw.value as Record<string, unknown> | null;
    const faults = faultsFor(body?.prompt, "bfl");
    if (faults.refuseWith) return json(faults.refuseWith, { detail: refusals[faults.refuseWith] });
    const parsed = parseBflInput(model, raw.value);
    if (!parsed.ok) return json(422, { detail: fastApiDetail(parsed.problems) });
    if (!engine.admits("bfl", key, model.kontextMax ?? false)) {
      return json(
        429,
        { detail: `You have reached the limit of active tasks (24, or 6 for flux-kontext-max). Wait for one to finish.` },
        { "retry-after": "1" },
      );
    }
    const input = parsed.input;
    const { cost, inputMp, outputMp } = bflCost(model, input, input.inputImages);
    credits.set(key, balance(key) - cost);
    const prompt = stripDirectives(input.prompt);
    const job = engine.submit<BflMeta>({
      protocol: "bfl",
      credential: key,
      model: modelName,
      kontextMax: model.kontextMax,
      renders: [
        { prompt, seed: input.seed ?? randomSeed(), model: modelName, width: input.width, height: input.height, format: input.format },
      ],
      timeline: planTimeline(generationMs(model.pace, { ...input, steps: input.steps ?? undefined }), faults, ctx.speed),
      faults,
      fileTtlMs: tenMinutesMs,
      meta: { input, model, cost, prompt },
    });
    const costs = { cost, input_mp: inputMp, output_mp: outputMp };
    if (input.webhook) return json(200, { id: job.id, status: "Pending", webhook_url: input.webhook.url, ...costs });
    return json(200, { id: job.id, polling_url: `${ctx.publicUrl}/bfl/v1/get_result?id=${job.id}`, ...costs });
  }

  function poll(request: SimRequest): Reply {
    const id = request.url.searchParams.get("id");
    if (!id) return json(422, { detail: [{ type: "missing", loc: ["query", "id"], msg: "Field required" }] });
    const job = engine.find(id, "bfl") as BflJob | undefined;
    ctx.counters.polls.bfl++;
    if (!job) return json(200, { id, status: "Task not found", result: null, progress: null, details: null, preview: null });
    job.polls++;
    if (job.faults.poll500 && job.polls % 2 === 1) return json(500, { detail: "Internal Server Error" });
    return json(200, resultOf(job, engine));
  }

  return async (request) => {
    const key = request.header("x-key");
    if (!key) return json(401, { detail: "Not authenticated: the x-key header is missing" });
    const [version, route, ...rest] = request.segments;
    if (version !== "v1" || !route || rest.length > 0) return json(404, { detail: "Not Found" });
    if (route === "get_result" || route === "credits") {
      if (request.method !== "GET") return json(405, { detail: "Method Not Allowed" });
      return route === "credits" ? json(200, { credits: Math.round(balance(key) * 100) / 100 }) : poll(request);
    }
    const model = Object.hasOwn(bflModels, route) ? bflModels[route] : undefined;
    if (!model) return json(404, { detail: "Not Found" });
    if (request.method !== "POST") return json(405, { detail: "Method Not Allowed" });
    const reply = await submit(request, key, route, model);
    ctx.counters[reply.status < 300 ? "submitted" : "refused"].bfl++;
    return reply;
  };
}
