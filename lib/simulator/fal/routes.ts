import { randomUUID } from "node:crypto";
import { z } from "zod";
import { randomSeed, tenMinutesMs, type ProtocolHandler, type SimContext } from "../context";
import { faultsFor, stripDirectives } from "../directives";
import { generationMs, planTimeline } from "../durations";
import { credentialFrom, json, parseJson, type Reply, type SimRequest } from "../http-io";
import { fastApiDetail, jsonDecodeDetail } from "../validation";
import { falApps, falEndpoints, type FalEndpoint } from "./endpoints";
import { parseFalInput } from "./schemas";
import { falUserId, type FalSigner } from "./signer";
import { queuePosition, resultReply, statusReply, webhookBody, type FalJob, type FalMeta } from "./views";

// queue.fal.run under /fal: submit to `owner/name[/subpath]`, then status, result and cancel under
// `owner/name/requests/{id}` (no subpath, as fal does).

export const SIMULATOR_FAL_JWKS_PATH = "/fal/.well-known/jwks.json";

// fal retries a webhook 10 times within about two hours.
const webhookRetryDelaysMs = [1_000, 5_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000];
const refusals: Record<429 | 500 | 503, string> = {
  429: "Rate limit exceeded, please retry later",
  500: "Internal server error",
  503: "Service unavailable, please retry later",
};

export function createFalProtocol(ctx: SimContext, signer: FalSigner): ProtocolHandler {
  const { engine } = ctx;

  engine.on("fal", (anyJob, event) => {
    const job = anyJob as FalJob;
    const url = job.meta.webhookUrl;
    // A cancellation is the caller's own doing: fal reports it on the status route, not by webhook.
    if (event !== "done" || !url || job.outcome?.kind === "canceled") return;
    const body = webhookBody(job);
    ctx.webhooks.send({
      url,
      body,
      headers: () => signer.headers(job.id, falUserId(job.credential), body),
      retryDelaysMs: webhookRetryDelaysMs,
      copies: job.faults.dupWebhook ? 2 : 1,
    });
  });

  async function submit(request: SimRequest, key: string, app: string, endpointId: string, endpoint: FalEndpoint): Promise<Reply> {
    const webhookUrl = request.url.searchParams.get("fal_webhook");
    if (webhookUrl !== null && !z.url().safeParse(webhookUrl).success) return json(400, { detail: "fal_webhook must be a URL" });
    const raw = parseJson(await request.body());
    if (!raw.ok) return json(422, { detail: jsonDecodeDetail });
    const faults = faultsFor((raw.value as Record<string, unknown> | null)?.prompt, "fal");
    if (faults.refuseWith) return json(faults.refuseWith, { detail: refusals[faults.refuseWith] });
    const parsed = parseFalInput(endpoint, raw.value);
    if (!parsed.ok) return json(422, { detail: fastApiDetail(parsed.problems) });
    if (!engine.admits("fal", key, endpoint.kontextMax ?? false)) {
      return json(429, { detail: "Too many concurrent requests for this key, please retry later" }, { "retry-after": "1" });
    }
    const input = parsed.input;
    const prompt = stripDirectives(input.prompt);
    const seed = input.seed ?? randomSeed();
    const id = randomUUID();
    const base = `${ctx.publicUrl}/fal/${app}/requests/${id}`;
    const urls = { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
    const job = engine.submit<FalMeta>({
      id,
      protocol: "fal",
      credential: key,
      model: endpointId,
      kontextMax: endpoint.kontextMax,
      renders: Array.from({ length: input.numImages }, (_, i) => ({
        prompt,
        seed: seed + i,
        model: endpointId,
        width: input.width,
        height: input.height,
        format: input.format,
      })),
      timeline: planTimeline(
        generationMs(endpoint.pace, { ...input, steps: input.steps ?? undefined, images: input.numImages }),
        faults,
        ctx.speed,
      ),
      faults,
      fileTtlMs: input.syncMode ? null : tenMinutesMs,
      meta: { app, input, prompt, webhookUrl, urls },
    }) as FalJob;
    return json(200, { status: "IN_QUEUE", request_id: job.id, ...urls, queue_position: queuePosition(job) });
  }

  function onRequest(request: SimRequest, app: string, id: string, action: string | undefined): Reply {
    const job = engine.find(id, "fal") as FalJob | undefined;
    if (!job || job.meta.app !== app) return json(404, { detail: "Request not found" });
    if (action === "cancel") {
      if (request.method !== "PUT") return json(405, { detail: "Method Not Allowed" });
      if (job.phase === "queued" && engine.cancel(job)) return json(202, { status: "CANCELLATION_REQUESTED" });
      return json(400, { status: "ALREADY_COMPLETED" });
    }
    if (request.method !== "GET") return json(405, { detail: "Method Not Allowed" });
    ctx.counters.polls.fal++;
    job.polls++;
    if (job.faults.poll500 && job.polls % 2 === 1) return json(500, { detail: "Internal server error" });
    const logs = request.url.searchParams.get("logs");
    return action === "status" ? statusReply(job, engine, logs === "1" || logs === "true") : resultReply(job);
  }

  return async (request) => {
    const [owner, name, ...rest] = request.segments;
    if (owner === ".well-known" && name === "jwks.json" && rest.length === 0) return json(200, signer.jwks());
    const key = credentialFrom(request.header("authorization"), ["Key"]);
    if (!key) return json(401, { detail: "Missing or invalid Authorization header: expected 'Key <FAL_KEY>'" });
    if (!owner || !name) return json(404, { detail: "Not Found" });
    const app = `${owner}/${name}`;
    if (!falApps.has(app)) return json(404, { detail: `Application '${app}' not found` });
    if (rest[0] === "requests" && rest[1] && rest.length <= 3 && (rest[2] === undefined || rest[2] === "status" || rest[2] === "cancel")) {
      return onRequest(request, app, rest[1], rest[2]);
    }
    const endpointId = [app, ...rest].join("/");
    const endpoint = Object.hasOwn(falEndpoints, endpointId) ? falEndpoints[endpointId] : undefined;
    if (!endpoint) return json(404, { detail: `Path /${rest.join("/")} not found for application '${app}'` });
    if (request.method !== "POST") return json(405, { detail: "Method Not Allowed" });
    const reply = await submit(request, key, app, endpointId, endpoint);
    ctx.counters[reply.status < 300 ? "submitted" : "refused"].fal++;
    return reply;
  };
}
