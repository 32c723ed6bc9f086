import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findDrift } from "@/lib/billing";
import { call, cloneVariant, getRequest, jsonRequest, newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { findHoldDrift, findSlotDrift } from "@/lib/tasks/reconcile";
import { finishTask } from "@/lib/tasks/transitions";
import { POST as cancel } from "./cancel/route";
import { POST as createTask } from "./createTask/route";
import { GET as recordInfo } from "./recordInfo/route";
import { GET as credit } from "../chat/credit/route";
import { POST as downloadUrl } from "../common/download-url/route";

// No worker runs in this file: tasks stay where createTask leaves them, so each answer and each
// side effect of the task API itself can be checked exactly. One case per code per route.
withScratchDatabase("jobs");

const base = "http://localhost/api/v1/jobs";
const proPrice = 35_000;
const flexBody = { model: "flux-2-pro", input: { prompt: "a lighthouse at dusk" } };

const create = (key: string | null, body: unknown, headers?: Record<string, string>) =>
  call(createTask, jsonRequest(`${base}/createTask`, key, body, headers));
const info = (key: string, taskId: string) => call(recordInfo, getRequest(`${base}/recordInfo?taskId=${taskId}`, key));

async function expectConsistent(accountId: string) {
  expect((await findDrift([accountId])).drift).toEqual([]);
  expect(await findHoldDrift([accountId])).toEqual([]);
  expect(await findSlotDrift([accountId])).toEqual([]);
}

describe("POST /api/v1/jobs/createTask", () => {
  it("200: creates a waiting task, holds its price and takes an in-flight slot", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const { status, body } = await create(key, flexBody);
    expect(status).toBe(200);
    expect(body).toEqual({ code: 200, msg: "success", data: { taskId: expect.stringMatching(/^task_[a-z0-9]{20}$/) } });
    const task = await db.task.findUniqueOrThrow({ where: { id: body.data.taskId } });
    expect(task).toMatchObject({ state: "waiting", variantSlug: "flux-2-pro-text-to-image-1k", priceMicros: BigInt(proPrice), width: 1024, height: 768 });
    expect(task.input).toMatchObject({ prompt: "a lighthouse at dusk", aspect_ratio: "4:3", output_format: "jpeg", disable_pup: false });
    const wallet = await db.wallet.findUniqueOrThrow({ where: { accountId } });
    expect(wallet).toMatchObject({ availableMicros: BigInt(USD - proPrice), reservedMicros: BigInt(proPrice) });
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).inFlightTasks).toBe(1);
    await expectConsistent(accountId);
  });

  it("200 with a test key: free, on the simulator, no hold", async () => {
    const accountId = await newAccount(0);
    const { key } = await newKey(accountId, { mode: "test" });
    const { status, body } = await create(key, flexBody);
    expect(status).toBe(200);
    const task = await db.task.findUniqueOrThrow({ where: { id: body.data.taskId } });
    expect(task).toMatchObject({ priceMicros: 0n, simulated: true, mode: "test" });
    expect(await db.hold.count({ where: { accountId } })).toBe(0);
  });

  it.each([
    ["no key", null, /Missing API key/],
    ["a made-up key", "lg_live_00000000000000000000000000000000000000", /Invalid API key|Malformed/],
  ])("401: %s", async (_, key, message) => {
    const { status, body } = await create(key, flexBody);
    expect(status).toBe(401);
    expect(body).toEqual({ code: 401, msg: expect.stringMatching(message), data: null, doc_url: "http://localhost/docs/errors#unauthorized" });
  });

  it("402: a balance below the price creates nothing", async () => {
    const accountId = await newAccount(proPrice - 1);
    const { key } = await newKey(accountId);
    const { status, body } = await create(key, flexBody);
    expect(status).toBe(402);
    expect(body).toMatchObject({ code: 402, msg: expect.stringMatching(/Insufficient credits/), data: null });
    expect(await db.task.count({ where: { accountId } })).toBe(0);
    await expectConsistent(accountId);
  });

  it("404: an unknown model", async () => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await create(key, { model: "flux-9-ultra", input: { prompt: "x" } });
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 404, msg: expect.stringMatching(/flux-9-ultra.*does not exist/) });
  });

  it("413: a body over the size cap", async () => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await create(key, { model: "flux-2-pro", input: { prompt: "x".repeat(300_000) } });
    expect(status).toBe(413);
    expect(body.code).toBe(413);
  });

  it("422: names every failing field of the input, and creates nothing", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    const { status, body } = await create(key, {
      model: "flux-2-flex-text-to-image-1k",
      input: { prompt: "", steps: 0, guidance: 11, sampler: "euler" },
    });
    expect(status).toBe(422);
    expect(body.code).toBe(422);
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(["input", "input.guidance", "input.prompt", "input.steps"]);
    expect(await db.task.count({ where: { accountId } })).toBe(0);
  });

  it("422: an image-to-image model without its input image", async () => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await create(key, { model: "flux-2-pro-image-to-image", input: { prompt: "swap the sky" } });
    expect(status).toBe(422);
    expect(body.details).toEqual([expect.objectContaining({ path: "input.image_urls" })]);
  });

  it("429: past the account's in-flight cap, with Retry-After", async () => {
    const accountId = await newAccount(1 * USD, { maxInFlightTasks: 2 });
    const { key } = await newKey(accountId);
    expect((await create(key, flexBody)).status).toBe(200);
    expect((await create(key, flexBody)).status).toBe(200);
    const { status, body, headers } = await create(key, flexBody);
    expect(status).toBe(429);
    expect(body).toMatchObject({ code: 429, msg: expect.stringMatching(/in flight/) });
    expect(headers.get("retry-after")).toBe("2");
    expect(await db.task.count({ where: { accountId } })).toBe(2);
    await expectConsistent(accountId);
  });

  it("429: 50 concurrent createTasks against an in-flight cap of 24 create exactly 24 tasks", async () => {
    const accountId = await newAccount(10 * USD, { maxInFlightTasks: 24 });
    const { key } = await newKey(accountId);
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(key, flexBody)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(24);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(26);
    expect(await db.task.count({ where: { accountId } })).toBe(24);
    await expectConsistent(accountId);
  });

  it("429: past the key's request rate", async () => {
    const { key } = await newKey(await newAccount(), { ratePer10s: 1 });
    expect((await create(key, flexBody)).status).toBe(200);
    const { status, body, headers } = await create(key, flexBody);
    expect(status).toBe(429);
    expect(body.code).toBe(429);
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("433 (HTTP 402): past the key's daily spend cap", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId, { dailyCapMicros: proPrice });
    expect((await create(key, flexBody)).status).toBe(200);
    const { status, body } = await create(key, flexBody);
    expect(status).toBe(402);
    expect(body).toMatchObject({ code: 433, msg: expect.stringMatching(/daily spend cap/) });
    await expectConsistent(accountId);
  });

  it("455 (HTTP 503): a model in maintenance", async () => {
    const slug = await cloneVariant("flux-2-pro-text-to-image-1k", "maintenance");
    const { key } = await newKey(await newAccount());
    const { status, body, headers } = await create(key, { model: slug, input: { prompt: "x" } });
    expect(status).toBe(503);
    expect(headers.get("retry-after")).toBe("300");
    expect(body).toMatchObject({ code: 455, msg: expect.stringMatching(/maintenance/) });
  });

  it("505 (HTTP 403): a disabled model", async () => {
    const slug = await cloneVariant("flux-2-pro-text-to-image-1k", "disabled");
    const { key } = await newKey(await newAccount());
    const { status, body } = await create(key, { model: slug, input: { prompt: "x" } });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 505, msg: expect.stringMatching(/disabled/) });
  });

  describe("Idempotency-Key", () => {
    it("replays the first answer for the same key and body, creating one task", async () => {
      const accountId = await newAccount();
      const { key } = await newKey(accountId);
      const first = await create(key, flexBody, { "idempotency-key": "order-1" });
      const again = await create(key, flexBody, { "idempotency-key": "order-1" });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await db.task.count({ where: { accountId } })).toBe(1);
    });

    it("creates one task from 10 concurrent retries", async () => {
      const accountId = await newAccount();
      const { key } = await newKey(accountId);
      const answers = await Promise.all(Array.from({ length: 10 }, () => create(key, flexBody, { "idempotency-key": "burst" })));
      const ok = answers.filter((a) => a.status === 200);
      expect(new Set(ok.map((a) => a.body.data.taskId)).size).toBe(1);
      expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
      expect(await db.task.count({ where: { accountId } })).toBe(1);
      await expectConsistent(accountId);
    });

    it("refuses the same key with another body (422) and replays a client error as such", async () => {
      const accountId = await newAccount(0);
      const { key } = await newKey(accountId);
      const refused = await create(key, flexBody, { "idempotency-key": "k" });
      expect(refused.status).toBe(402);
      const replay = await create(key, flexBody, { "idempotency-key": "k" });
      expect(replay.status).toBe(402);
      const other = await create(key, { ...flexBody, input: { prompt: "another" } }, { "idempotency-key": "k" });
      expect(other.status).toBe(422);
      expect(other.body.msg).toMatch(/different request/);
    });

    it("keys belong to one account: another account's identical key runs its own request", async () => {
      const a = await newKey(await newAccount());
      const b = await newKey(await newAccount());
      const one = await create(a.key, flexBody, { "idempotency-key": "shared" });
      const two = await create(b.key, flexBody, { "idempotency-key": "shared" });
      expect(one.body.data.taskId).not.toBe(two.body.data.taskId);
    });
  });
});

describe("made-up keys", () => {
  it("are answered 429 per address after 60 a minute, whatever X-Forwarded-For says; other addresses unaffected", async () => {
    const madeUp = (i: number) => `lg_live_${String(i).padStart(38, "0")}`;
    const from = (peer: string, i: number) => ({ "x-lumigate-peer": peer, "x-forwarded-for": `10.9.0.${i % 250}` });
    for (let i = 0; i < 60; i++) expect((await create(madeUp(i), flexBody, from("198.51.100.60", i))).status).toBe(401);
    const refused = await create(madeUp(60), flexBody, from("198.51.100.60", 60));
    expect(refused.status).toBe(429);
    expect(refused.body.msg).toMatch(/Too many requests with invalid API keys/);
    expect((await create(madeUp(61), flexBody, from("198.51.100.61", 61))).status).toBe(401);
  });
});

describe("creating and finishing together", () => {
  it("forty creates racing forty finishes of the same account never deadlock", async () => {
    const accountId = await newAccount(10 * USD, { maxInFlightTasks: 1000 });
    const { key } = await newKey(accountId);
    const make = async () => {
      const { status, body } = await create(key, flexBody);
      if (status !== 200) throw new Error(`createTask answered ${status}: ${body.msg}`);
      return body.data.taskId as string;
    };
    const first = await Promise.all(Array.from({ length: 40 }, make));
    // A finish locks Wallet, spend windows and Account; a create Account, Wallet, spend windows:
    // they must take Account first alike, or Postgres kills one of each crossing pair.
    const outcomes = await Promise.allSettled([
      ...first.map((taskId) => finishTask(taskId, { kind: "fail", code: "canceled", message: "test" })),
      ...Array.from({ length: 40 }, make),
    ]);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    await expectConsistent(accountId);
  });
});

describe("GET /api/v1/jobs/recordInfo", () => {
  it("200: the task in the kie shape, times in ms, param as a JSON string", async () => {
    const { key } = await newKey(await newAccount());
    const { body: created } = await create(key, flexBody);
    const { status, body } = await info(key, created.data.taskId);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      taskId: created.data.taskId,
      model: "flux-2-pro",
      state: "waiting",
      resultJson: "",
      failCode: "",
      completeTime: null,
      createTime: expect.any(Number),
      simulated: true,
    });
    expect(JSON.parse(body.data.param)).toMatchObject({ model: "flux-2-pro", input: { prompt: "a lighthouse at dusk" } });
  });

  it("404: another account's task is as absent as a made-up one", async () => {
    const { key: owner } = await newKey(await newAccount());
    const { key: stranger } = await newKey(await newAccount());
    const { body: created } = await create(owner, flexBody);
    const theirs = await info(stranger, created.data.taskId);
    const madeUp = await info(stranger, "task_00000000000000000000");
    expect(theirs.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(theirs.body.msg.replace(created.data.taskId, "ID")).toBe(madeUp.body.msg.replace("task_00000000000000000000", "ID"));
  });

  it("401 without a key, 422 for a malformed task id", async () => {
    expect((await call(recordInfo, getRequest(`${base}/recordInfo?taskId=task_00000000000000000000`, null))).status).toBe(401);
    const { key } = await newKey(await newAccount());
    const malformed = await info(key, "nope");
    expect(malformed.status).toBe(422);
    expect(malformed.body.details[0].path).toBe("taskId");
  });
});

describe("POST /api/v1/jobs/cancel", () => {
  it("200: a waiting task ends as fail/canceled and its hold and slot come back", async () => {
    const accountId = await newAccount(1 * USD);
    const { key } = await newKey(accountId);
    const { body: created } = await create(key, flexBody);
    const { status, body } = await call(cancel, jsonRequest(`${base}/cancel`, key, { taskId: created.data.taskId }));
    expect(status).toBe(200);
    expect(body.data).toEqual({ taskId: created.data.taskId, state: "fail" });
    const record = await info(key, created.data.taskId);
    expect(record.body.data).toMatchObject({ state: "fail", failCode: "canceled" });
    expect(await db.wallet.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ availableMicros: BigInt(USD), reservedMicros: 0n });
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).inFlightTasks).toBe(0);
    await expectConsistent(accountId);
  });

  it("409: a task that has already ended; 404: another account's", async () => {
    const accountId = await newAccount();
    const { key } = await newKey(accountId);
    const { body: created } = await create(key, flexBody);
    await call(cancel, jsonRequest(`${base}/cancel`, key, { taskId: created.data.taskId }));
    const again = await call(cancel, jsonRequest(`${base}/cancel`, key, { taskId: created.data.taskId }));
    expect(again.status).toBe(409);
    expect(again.body.msg).toMatch(/already ended/);
    const { key: stranger } = await newKey(await newAccount());
    expect((await call(cancel, jsonRequest(`${base}/cancel`, stranger, { taskId: created.data.taskId }))).status).toBe(404);
  });
});

describe("kie-style helpers", () => {
  it("GET /chat/credit answers the remaining credits", async () => {
    const { key } = await newKey(await newAccount(7 * 7000));
    const { status, body } = await call(credit, getRequest("http://localhost/api/v1/chat/credit", key));
    expect(status).toBe(200);
    expect(body).toEqual({ code: 200, msg: "success", data: 7 });
  });

  it("POST /common/download-url refuses a URL that is not one of the account's images (404)", async () => {
    const { key } = await newKey(await newAccount());
    const { status, body } = await call(
      downloadUrl,
      jsonRequest("http://localhost/api/v1/common/download-url", key, { url: "http://localhost/media/med_000000000000000000000000.png" }),
    );
    expect(status).toBe(404);
    expect(body.code).toBe(404);
  });
});
