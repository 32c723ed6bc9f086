import { createHmac, randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { oneHourMs, randomSeed, type ProtocolHandler, type SimContext } from "../context";
import { faultsFor, stripDirectives } from "../directives";
import { generationMs, planTimeline } from "../durations";
import { credentialFrom, json, parseJson, type Reply, type SimRequest } from "../http-io";
import { fieldProblems, parseOptions } from "../validation";
import { modelForVersion, replicateModels, versionOf } from "./models";
import { predictionId, predictionOf, type ReplicateJob, type ReplicateMeta } from "./prediction";
import { invalidInputBody, parseReplicateInput, predictionRequest, webhookEvents, type WebhookEvent } from "./schemas";

// api.replicate.com/v1 under /replicate: predictions (create, get, cancel, list), Prefer: wait, the
// default webhook secret, the account, and Standard Webhooks deliveries per webhook_events_filter.

const maxWaitSec = 60;
const pageSize = 100;
// Replicate retries only the final event, with backoff, for about a minute.
const completedRetryDelaysMs = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

const problem = (status: number, title: string, detail: string, headers?: Record<string, string>): Reply =>
  json(status, { title, detail, status }, headers);
const notFound = () => problem(404, "Not found", "The requested resource could not be found.");
const refusals: Record<429 | 500 | 503, Reply> = {
  429: problem(429, "Request was throttled", "Request was throttled. Expected available in 1 second.", { "retry-after": "1" }),
  500: problem(500, "Internal server error", "An unexpected error occurred. Please try again."),
  503: problem(503, "Service unavailable", "Replicate is temporarily unavailable. Please try again."),
};

/** `Prefer: wait` or `wait=N` -> seconds to hold the request, at most 60; null when not asked. */
function preferWait(header: string | undefined): number | null {
  for (const part of (header ?? "").split(",")) {
    const match = /^\s*wait(?:=(\d+))?\s*$/i.exec(part);
    if (match) return Math.min(maxWaitSec, Math.max(1, match[1] ? Number(match[1]) : maxWaitSec));
  }
  return null;
}

export function createReplicateProtocol(ctx: SimContext): ProtocolHandler {
  const { engine } = ctx;
  const secretKey = randomBytes(32);
  const secretFor = (token: string) => `whsec_${createHmac("sha256", secretKey).update(token).digest("base64")}`;
  const view = (job: ReplicateJob, asProcessing = false) => predictionOf(job, engine, ctx.publicUrl, asProcessing);

  function deliver(job: ReplicateJob, event: WebhookEvent, body: unknown) {
    const webhook = job.meta.webhook;
    if (!webhook || !webhook.events.has(event)) return;
    const signer = new Webhook(secretFor(job.credential));
    const messageId = `msg_${randomBytes(12).toString("hex")}`;
    const payload = JSON.stringify(body);
    ctx.webhooks.send({
      url: webhook.url,
      body: payload,
      headers: () => {
        const at = new Date();
        return {
          "webhook-id": messageId,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": signer.sign(messageId, at, payload),
        };
      },
      retryDelaysMs: event === "completed" ? completedRetryDelaysMs : [],
      copies: job.faults.dupWebhook ? 2 : 1,
    });
  }

  engine.on("replicate", (anyJob, event) => {
    const job = anyJob as ReplicateJob;
    if (event === "start") {
      deliver(job, "start", view(job));
      ctx.timers.after(job.timeline.runMs / 2, () => {
        if (job.phase === "running") deliver(job, "logs", view(job));
      });
      return;
    }
    if (job.outcome?.kind === "succeeded") deliver(job, "output", view(job, true));
    deliver(job, "completed", view(job));
  });

  async function create(request: SimRequest, token: string, model: string | undefined): Promise<Reply> {
    const raw = parseJson(await request.body());
    if (!raw.ok) return problem(400, "Bad request", "The request body is not valid JSON.");
    const parsed = predictionRequest.safeParse(raw.value, parseOptions);
    if (!parsed.success) return json(422, invalidInputBody(fieldProblems(parsed.error), ""));
    const { version } = parsed.data;
    const name = model ?? (version ? modelForVersion(version) : undefined);
    const spec = name ? replicateModels[name] : undefined;
    if (!name || !spec) {
      const detail = version ? "Invalid version or not permitted" : "version is required";
      return json(422, {
        detail: `- version: ${detail}\n`,
        status: 422,
        title: "Input validation failed",
        invalid_fields: [{ type: "invalid", field: "version", description: detail }],
      });
    }
    const faults = faultsFor(parsed.data.input.prompt, "replicate");
    if (faults.refuseWith) return refusals[faults.refuseWith];
    const input = parseReplicateInput(spec, parsed.data.input);
    if (!input.ok) return json(422, invalidInputBody(input.problems));
    if (!engine.admits("replicate", token, spec.kontextMax ?? false)) return refusals[429];
    const { webhook, webhook_events_filter: filter } = parsed.data;
    const { prompt, width, height, format } = input.input;
    const seed = input.input.seed ?? randomSeed();
    const job = engine.submit<ReplicateMeta>({
      id: predictionId(),
      protocol: "replicate",
      credential: token,
      model: name,
      kontextMax: spec.kontextMax,
      renders: [{ prompt: stripDirectives(prompt), seed, model: name, width, height, format }],
      timeline: planTimeline(generationMs(spec.pace, { ...input.input, steps: input.input.steps ?? undefined }), faults, ctx.speed),
      faults,
      fileTtlMs: oneHourMs,
      meta: {
        model: name,
        version: versionOf(name),
        spec,
        rawInput: parsed.data.input,
        input: input.input,
        seed,
        webhook: webhook ? { url: webhook, events: new Set(filter?.length ? filter : webhookEvents) } : null,
      },
    }) as ReplicateJob;
    const wait = preferWait(request.header("prefer"));
    if (wait === null) return json(201, view(job));
    await engine.settled(job, wait * 1000, request.signal);
    return json(201, view(job), { "preference-applied": `wait=${wait}` });
  }

  function list(request: SimRequest, token: string): Reply {
    const cursor = request.url.searchParams.get("cursor");
    const offset = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0;
    const all = engine.list("replicate", token) as ReplicateJob[];
    const page = all.slice(offset, offset + pageSize);
    const link = (at: number) => `${ctx.publicUrl}/replicate/v1/predictions?cursor=${at}`;
    return json(200, {
      next: offset + pageSize < all.length ? link(offset + pageSize) : null,
      previous: offset > 0 ? link(Math.max(0, offset - pageSize)) : null,
      results: page.map((job) => view(job)),
    });
  }

  function owned(id: string, token: string): ReplicateJob | undefined {
    const job = engine.find(id, "replicate") as ReplicateJob | undefined;
    return job && job.credential === token ? job : undefined;
  }

  return async (request) => {
    const token = credentialFrom(request.header("authorization"), ["Bearer", "Token"]);
    if (!token) return problem(401, "Unauthenticated", "You did not pass a valid authentication token");
    const [v1, ...path] = request.segments;
    if (v1 !== "v1") return notFound();
    const { method } = request;
    const route = path.join("/");

    const modelRoute = /^models\/([^/]+)\/([^/]+)\/predictions$/.exec(route);
    if (modelRoute || route === "predictions") {
      if (route === "predictions" && method === "GET") return list(request, token);
      if (method !== "POST") return problem(405, "Method not allowed", `Method ${method} is not allowed here.`);
      const model = modelRoute ? `${modelRoute[1]}/${modelRoute[2]}` : undefined;
      if (model && !Object.hasOwn(replicateModels, model)) return notFound();
      const reply = await create(request, token, model);
      ctx.counters[reply.status < 300 ? "submitted" : "refused"].replicate++;
      return reply;
    }
    if (route === "webhooks/default/secret" && method === "GET") return json(200, { key: secretFor(token) });
    if (route === "account" && method === "GET") {
      return json(200, { type: "user", username: "simulator", name: "Lumigate simulator", github_url: null });
    }

    const predictionRoute = /^predictions\/([a-z2-7]+)(\/cancel)?$/.exec(route);
    const job = predictionRoute ? owned(predictionRoute[1]!, token) : undefined;
    if (!predictionRoute || !job) return notFound();
    if (predictionRoute[2]) {
      if (method !== "POST") return problem(405, "Method not allowed", `Method ${method} is not allowed here.`);
      engine.cancel(job);
      return json(200, view(job));
    }
    if (method !== "GET") return problem(405, "Method not allowed", `Method ${method} is not allowed here.`);
    ctx.counters.polls.replicate++;
    job.polls++;
    if (job.faults.poll500 && job.polls % 2 === 1) return refusals[500];
    return json(200, view(job));
  };
}
