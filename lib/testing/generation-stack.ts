import { createServer, type Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import type { AddressInfo } from "node:net";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { startSimulator, type Simulator } from "@/lib/simulator";
import { getTaskInfo } from "@/lib/tasks/read";
import { receiveUpstreamWebhook } from "@/lib/tasks/receive-webhook";
import { startWorker, type WorkerProcess } from "@/lib/worker/runner";
import { withScratchDatabase } from "./scratch-db";

/** The web side of upstream webhooks, as a loopback server in front of the same domain call the route makes. */
async function startWebhookRelay(): Promise<{ url: string; server: Server; received: () => number }> {
  let received = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received++;
    const url = new URL(req.url ?? "/", "http://relay");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    try {
      await receiveUpstreamWebhook({
        protocol: url.pathname.split("/").pop() ?? "",
        taskId: url.searchParams.get("task"),
        token: url.searchParams.get("token"),
        headers,
        rawBody: new Uint8Array(Buffer.concat(chunks)),
      });
      res.writeHead(200).end("{}");
    } catch (error) {
      res.writeHead(error instanceof AppError ? 401 : 500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, received: () => received };
}

export type GenerationStack = { simulator: Simulator; worker: WorkerProcess; webhooksReceived: () => number; stop(): Promise<void> };

/**
 * A simulator, the upstream-webhook endpoint and a worker for this test file, on its own scratch
 * database (withScratchDatabase). Tests may change `env` here: each file runs in its own process.
 */
export async function startGenerationStack(opts: { databaseUrl: string; webhooks: boolean; speed?: number; concurrency?: number }): Promise<GenerationStack> {
  const simulator = await startSimulator({ speed: opts.speed ?? 50 });
  const relay = await startWebhookRelay();
  env.SIMULATOR_URL = simulator.url;
  env.UPSTREAM_WEBHOOK_URL = opts.webhooks ? relay.url : "none";
  const worker = await startWorker({ databaseUrl: opts.databaseUrl, concurrency: opts.concurrency ?? 8 });
  return {
    simulator,
    worker,
    webhooksReceived: relay.received,
    async stop() {
      await worker.stop();
      await new Promise((resolve) => relay.server.close(resolve));
      await simulator.stop();
    },
  };
}

/** A scratch database and a generation stack on it for this test file, started before its tests and stopped after. */
export function withGenerationStack(label: string, opts: { webhooks: boolean }): { stack: () => GenerationStack } {
  const database = withScratchDatabase(label);
  let stack: GenerationStack | undefined;
  beforeAll(async () => {
    stack = await startGenerationStack({ databaseUrl: database.url(), webhooks: opts.webhooks });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });
  return { stack: () => stack! };
}

/** A task's record once it has ended (success or fail), polled every 50 ms. */
export async function waitForEnd(accountId: string, taskId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await getTaskInfo(accountId, taskId, "http://gateway.test");
    if (info.state === "success" || info.state === "fail") return info;
    if (Date.now() > deadline) throw new Error(`task ${taskId} still ${info.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
