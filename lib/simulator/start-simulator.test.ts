import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { simulatorBaseUrls, startSimulator, type FinishedJob } from "./index";
import { pollUntil, startWebhookReceiver } from "./testing";

describe("startSimulator", () => {
  it("answers /health, 404 elsewhere, and advertises publicUrl in the URLs it hands out", async () => {
    const sim = await startSimulator({ speed: 50, publicUrl: "http://sim.example:9999/" });
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    const health = await fetch(`${sim.url}/health`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    expect((await fetch(`${sim.url}/nowhere`)).status).toBe(404);
    const submitted = await fetch(`${sim.url}/bfl/v1/flux-2-pro`, {
      method: "POST",
      headers: { "x-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ prompt: "x [sim:hang]" }),
    });
    expect(((await submitted.json()) as { polling_url: string }).polling_url).toMatch(/^http:\/\/sim\.example:9999\/bfl\/v1\/get_result\?id=/);
    await sim.stop();
  });

  it("names each adapter's base URL, and each one answers its protocol there", async () => {
    const sim = await startSimulator({ speed: 50 });
    const urls = simulatorBaseUrls(`${sim.url}/`);
    expect(urls).toEqual({
      bfl: `${sim.url}/bfl`,
      fal: `${sim.url}/fal`,
      replicate: `${sim.url}/replicate/v1`,
      openai: `${sim.url}/openai/v1`,
      falJwks: `${sim.url}/fal/.well-known/jwks.json`,
    });
    expect((await fetch(`${urls.bfl}/v1/credits`, { headers: { "x-key": "k" } })).status).toBe(200);
    expect((await fetch(urls.falJwks)).status).toBe(200);
    expect((await fetch(`${urls.replicate}/predictions`, { headers: { authorization: "Bearer t" } })).status).toBe(200);
    expect((await fetch(`${urls.openai}/images/generations`, { method: "POST", headers: { authorization: "Bearer t" } })).status).toBe(400);
    await sim.stop();
  });

  it("counts submits, refusals, polls, files and webhooks", async () => {
    const sim = await startSimulator({ speed: 50 });
    const send = (prompt: string) =>
      fetch(`${sim.url}/fal/fal-ai/flux-2-pro`, {
        method: "POST",
        headers: { authorization: "Key k", "content-type": "application/json" },
        body: JSON.stringify({ prompt, image_size: "square" }),
      }).then((r) => r.json() as Promise<{ status_url: string }>);
    const { status_url } = await send("counted");
    await send("refused [sim:429]");
    await pollUntil(
      () => fetch(status_url, { headers: { authorization: "Key k" } }).then((r) => r.json() as Promise<{ status: string }>),
      (s) => s.status === "COMPLETED",
    );
    const stats = sim.stats();
    expect(stats).toMatchObject({ submitted: { fal: 1, bfl: 0 }, refused: { fal: 1 }, activeJobs: 0, storedFiles: 1 });
    expect(stats.polls.fal).toBeGreaterThanOrEqual(1);
    expect(stats.webhooks).toEqual({ attempts: 0, delivered: 0, abandoned: 0 });
    await sim.stop();
  });

  it.each([
    ["fal", (url: string, key: string) => fetch(`${url}/fal/fal-ai/flux-2-pro`, { method: "POST", headers: { authorization: `Key ${key}` }, body: JSON.stringify({ prompt: "x [sim:hang]" }) })],
    [
      "replicate",
      (url: string, key: string) =>
        fetch(`${url}/replicate/v1/models/black-forest-labs/flux-2-pro/predictions`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}` },
          body: JSON.stringify({ input: { prompt: "x [sim:hang]" } }),
        }),
    ],
  ])("%s refuses the 25th active job of one credential with 429", async (_, submit) => {
    const sim = await startSimulator({ speed: 50 });
    const key = randomUUID();
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await submit(sim.url, key)).status);
    expect(statuses.filter((s) => s < 300)).toHaveLength(24);
    expect(statuses[24]).toBe(429);
    expect((await submit(sim.url, randomUUID())).status).toBeLessThan(300);
    await sim.stop();
  });

  it("gives a hung job's concurrency slot back after 10 simulated minutes", async () => {
    // At speed 1200, ten minutes are half a second.
    const sim = await startSimulator({ speed: 1200 });
    const submit = () =>
      fetch(`${sim.url}/bfl/v1/flux-2-pro`, {
        method: "POST",
        headers: { "x-key": "hung", "content-type": "application/json" },
        body: JSON.stringify({ prompt: "x [sim:hang]" }),
      }).then((r) => r.status);
    expect(await Promise.all(Array.from({ length: 24 }, submit))).toEqual(Array(24).fill(200));
    expect(await submit()).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await submit()).toBe(200);
    expect(sim.stats().activeJobs).toBe(25);
    await sim.stop();
  });

  it("lets go of held requests and frees its port on stop", async () => {
    const sim = await startSimulator({ speed: 50 });
    const held = fetch(`${sim.url}/openai/v1/images/generations`, {
      method: "POST",
      headers: { authorization: "Bearer sk", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-1", prompt: "x [sim:hang]" }),
    }).then(
      (r) => r.status,
      () => "closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sim.stop();
    expect(["closed", 500]).toContain(await held);
    await expect(fetch(`${sim.url}/health`)).rejects.toThrow();
    const again = await startSimulator({ port: sim.port });
    expect(again.port).toBe(sim.port);
    await again.stop();
  });

  it("admits maxActivePerCredential active jobs per credential, then answers 429", async () => {
    const sim = await startSimulator({ speed: 50, maxActivePerCredential: 30 });
    const submit = () =>
      fetch(`${sim.url}/bfl/v1/flux-2-pro`, {
        method: "POST",
        headers: { "x-key": "busy", "content-type": "application/json" },
        body: JSON.stringify({ prompt: "x [sim:hang]" }),
      }).then((r) => r.status);
    expect(await Promise.all(Array.from({ length: 30 }, submit))).toEqual(Array(30).fill(200));
    expect(await submit()).toBe(429);
    await sim.stop();
  });

  it.each([0, -3, 2.5, Number.NaN])("rejects maxActivePerCredential %s", async (maxActivePerCredential) => {
    await expect(startSimulator({ maxActivePerCredential })).rejects.toThrow(/maxActivePerCredential/);
  });

  it("reports each job's outcome through onJobFinished once, before its webhook is sent", async () => {
    const receiver = await startWebhookReceiver();
    const hookedIds = () => receiver.received.map((hook) => (JSON.parse(hook.body.toString()) as { id: string }).id);
    const finished: { job: FinishedJob; hookedBefore: string[] }[] = [];
    const sim = await startSimulator({ speed: 50, onJobFinished: (job) => finished.push({ job, hookedBefore: hookedIds() }) });
    const since = Date.now();
    const submit = (prompt: string) =>
      fetch(`${sim.url}/bfl/v1/flux-2-pro`, {
        method: "POST",
        headers: { "x-key": "k", "content-type": "application/json" },
        body: JSON.stringify({ prompt, width: 256, height: 256, webhook_url: receiver.url }),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const ok = await submit("a lighthouse");
    const failed = await submit("a storm [sim:fail]");
    await receiver.waitFor(2);
    const jobs = finished.map((f) => f.job).sort((a, b) => a.prompt.localeCompare(b.prompt));
    expect(jobs).toEqual([
      { upstreamId: ok.id, protocol: "bfl", model: "flux-2-pro", prompt: "a lighthouse", outcome: "succeeded", finishedAt: expect.any(Number) },
      { upstreamId: failed.id, protocol: "bfl", model: "flux-2-pro", prompt: "a storm", outcome: "failed", finishedAt: expect.any(Number) },
    ]);
    for (const { job, hookedBefore } of finished) {
      expect(hookedBefore).not.toContain(job.upstreamId);
      expect(job.finishedAt).toBeGreaterThanOrEqual(since);
      expect(receiver.received[hookedIds().indexOf(job.upstreamId)]!.at).toBeGreaterThanOrEqual(job.finishedAt);
    }
    await sim.stop();
    await receiver.close();
  });

  it("rejects a speed that is not a positive number", async () => {
    for (const speed of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) await expect(startSimulator({ speed })).rejects.toThrow(/speed/);
  });
});

describe("scripts/simulator.ts", () => {
  it("prints its ready line, signals readiness over IPC and exits 0 on SIGTERM", async () => {
    const child = fork(path.resolve("scripts/simulator.ts"), [], {
      execArgv: ["--import", "tsx"],
      // eslint-disable-next-line no-restricted-properties -- the child inherits the test's environment plus its own two settings
      env: { ...process.env, SIMULATOR_PORT: "0", SIMULATOR_SPEED: "20" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.once("message", (message) => (JSON.stringify(message) === '{"ready":true}' ? resolve() : reject(new Error(JSON.stringify(message)))));
      child.once("exit", (code) => reject(new Error(`exited ${code} before ready`)));
    });
    await pollUntil(async () => output, (text) => text.endsWith("\n"));
    const url = /^ready on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 20_000);
});
