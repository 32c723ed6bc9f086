import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createBflProtocol } from "./bfl/routes";
import { upstreamProtocols, type UpstreamProtocol } from "@/lib/providers/types";
import { zeroCounters, type ProtocolHandler, type SimContext, type SimCounters } from "./context";
import { credentialOf, credentialRefusal } from "./credentials";
import { createFalProtocol } from "./fal/routes";
import { createFalSigner } from "./fal/signer";
import { createFileStore } from "./file-store";
import { json, PayloadTooLargeError, readBody, writeReply, type Reply, type SimRequest } from "./http-io";
import { createJobEngine, type FinishedJob } from "./job-engine";
import type { RenderSpec } from "./render-image";
import { createOpenAiProtocol } from "./openai/routes";
import { createReplicateProtocol } from "./replicate/routes";
import { createTimers } from "./timers";
import { createWebhookSender, type WebhookStats } from "./webhook-sender";

export type SimulatorOptions = {
  /** 0 / undefined = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Divides every simulated duration: 1 = realistic (a few seconds), 50 = tests. */
  speed?: number;
  /** Base URL the simulator advertises in polling/result/file URLs; default http://<host>:<port>. */
  publicUrl?: string;
  /**
   * Active jobs per credential and protocol before submits answer 429; default 24, BFL's own limit.
   * Load tests raise it: every simulated route shares one credential.
   */
  maxActivePerCredential?: number;
  /** Called as each job reaches its outcome (succeeded, failed, moderated, canceled). */
  onJobFinished?: (job: FinishedJob) => void;
  /**
   * Draws each job's images; default renderImage (the prompt and seed drawn into the picture). A
   * benchmark passes a cheaper one: a real upstream's rendering runs on its machines, not ours.
   */
  render?: (spec: RenderSpec) => Promise<Buffer>;
};

export type SimulatorStats = SimCounters & {
  /** Jobs queued or running now, hung ones included. */
  activeJobs: number;
  /** Result images held for download. */
  storedFiles: number;
  webhooks: WebhookStats;
};

/** One request to an upstream protocol, as the simulator answered it. */
export type SimRequestLogEntry = {
  at: number;
  protocol: UpstreamProtocol;
  method: string;
  /** Below the protocol's prefix, without the query. */
  path: string;
  /** As the protocol carries it (x-key, `Key ...`, `Bearer ...`); null when absent. */
  credential: string | null;
  status: number;
};

/** The request log keeps the newest entries only. */
const REQUEST_LOG_ENTRIES = 10_000;

export type Simulator = {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Counters for tests. */
  stats(): SimulatorStats;
  /** The latest requests to the upstream protocols, oldest first: which credential each one used. */
  requests(): SimRequestLogEntry[];
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`Simulator speed must be a positive number, got ${speed}`);
  const maxActive = options.maxActivePerCredential;
  if (maxActive !== undefined && !(Number.isInteger(maxActive) && maxActive > 0)) {
    throw new Error(`maxActivePerCredential must be a positive whole number, got ${maxActive}`);
  }

  const stopping = new AbortController();
  let route: (request: SimRequest) => Promise<Reply> = async () => json(503, { detail: "Starting" });

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const closed = new AbortController();
    res.once("close", () => closed.abort());
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    let body: Promise<Buffer> | null = null;
    const request: SimRequest = {
      method: req.method ?? "GET",
      url,
      segments: url.pathname.split("/").filter(Boolean).map(safeDecode),
      header: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(", ") : value;
      },
      body: () => (body ??= readBody(req)),
      signal: AbortSignal.any([closed.signal, stopping.signal]),
    };
    try {
      writeReply(res, await route(request));
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return writeReply(res, json(413, { detail: error.message }));
      console.error("[simulator] request failed:", error);
      writeReply(res, json(500, { detail: "Simulator error" }));
    }
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");

  const timers = createTimers();
  const files = createFileStore({ publicUrl, timers });
  const engine = createJobEngine({ files, timers, speed, maxActive, onFinished: options.onJobFinished, render: options.render });
  const webhooks = createWebhookSender({ timers, speed });
  const counters: SimCounters = { submitted: zeroCounters(), refused: zeroCounters(), polls: zeroCounters() };
  const ctx: SimContext = { publicUrl, speed, timers, engine, files, webhooks, counters };
  const protocols: Record<string, ProtocolHandler> = {
    bfl: createBflProtocol(ctx),
    fal: createFalProtocol(ctx, createFalSigner()),
    replicate: createReplicateProtocol(ctx),
    openai: createOpenAiProtocol(ctx),
    files: async (request) => files.serve(request),
  };

  const requestLog: SimRequestLogEntry[] = [];
  const isProtocol = (prefix: string): prefix is UpstreamProtocol => (upstreamProtocols as readonly string[]).includes(prefix);

  route = async (request) => {
    const [prefix, ...segments] = request.segments;
    if (prefix === "health" && segments.length === 0) return json(200, { ok: true });
    const handler = prefix && Object.hasOwn(protocols, prefix) ? protocols[prefix] : undefined;
    if (!handler) return json(404, { detail: "Not Found" });
    if (!isProtocol(prefix!)) return handler({ ...request, segments });
    const credential = credentialOf(prefix, request);
    const reply = credentialRefusal(prefix, credential) ?? (await handler({ ...request, segments }));
    requestLog.push({ at: Date.now(), protocol: prefix, method: request.method, path: `/${segments.join("/")}`, credential, status: reply.status });
    if (requestLog.length > REQUEST_LOG_ENTRIES) requestLog.splice(0, requestLog.length - REQUEST_LOG_ENTRIES);
    return reply;
  };

  let stopped: Promise<void> | null = null;
  return {
    url,
    port,
    stats: () => ({
      submitted: { ...counters.submitted },
      refused: { ...counters.refused },
      polls: { ...counters.polls },
      activeJobs: engine.activeCount(),
      storedFiles: files.count(),
      webhooks: webhooks.stats(),
    }),
    requests: () => [...requestLog],
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        stopping.abort();
        engine.stop();
        webhooks.stop();
        timers.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
