import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, getRequest, jsonRequest, newAccount, newKey } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { finishTask } from "@/lib/tasks/transitions";
import { POST as createTask } from "./createTask/route";
import { GET as listJobs } from "./route";

// GET /api/v1/jobs: one case per code the route answers.
withScratchDatabase("jobs_list");

const base = "http://localhost/api/v1/jobs";
const list = (key: string | null, query = "") => call(listJobs, getRequest(`${base}${query}`, key));

let accountId: string;
let liveKey: string;
let testKey: string;
let testKeyId: string;
const taskIds: string[] = [];

async function create(key: string, model = "flux-2-pro"): Promise<string> {
  const answer = await call(createTask, jsonRequest(`${base}/createTask`, key, { model, input: { prompt: "a lighthouse" } }));
  expect(answer.status).toBe(200);
  return answer.body.data.taskId;
}

beforeAll(async () => {
  accountId = await newAccount();
  liveKey = (await newKey(accountId)).key;
  ({ key: testKey, keyId: testKeyId } = await newKey(accountId, { mode: "test" }));
  taskIds.push(await create(liveKey));
  taskIds.push(await create(liveKey, "flux-2-flex"));
  taskIds.push(await create(testKey));
  await finishTask(taskIds[1]!, { kind: "fail", code: "canceled", message: "Cancelled by the client." });
  // Tasks are created within the same millisecond at times: give each its own instant, oldest first.
  for (const [i, id] of taskIds.entries()) await db.task.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2026, 9, 1 + i)) } });
  const stranger = await newAccount();
  await create((await newKey(stranger)).key);
});

describe("GET /api/v1/jobs", () => {
  it("200: every key's tasks of the account, newest first, as recordInfo shows them", async () => {
    const { status, body } = await list(testKey);
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 200, msg: "success", data: { nextCursor: null } });
    expect(body.data.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([...taskIds].reverse());
    expect(body.data.tasks[1]).toMatchObject({ taskId: taskIds[1], model: "flux-2-flex", state: "fail", failCode: "canceled", createTime: Date.UTC(2026, 9, 2) });
  });

  it.each<[string, string, () => string[]]>([
    ["model", "?model=flux-2-pro-text-to-image-1k", () => [taskIds[2]!, taskIds[0]!]],
    ["state cancelled", "?state=cancelled", () => [taskIds[1]!]],
    ["state waiting", "?state=waiting", () => [taskIds[2]!, taskIds[0]!]],
    ["key", "?key=KEY", () => [taskIds[2]!]],
    ["mode", "?mode=live", () => [taskIds[1]!, taskIds[0]!]],
    ["source", "?source=playground", () => []],
    ["date range", "?from=2026-10-02&to=2026-10-02", () => [taskIds[1]!]],
  ])("200: filters by %s", async (_, query, expected) => {
    const { status, body } = await list(liveKey, query.replace("KEY", testKeyId));
    expect(status).toBe(200);
    expect(body.data.tasks.map((t: { taskId: string }) => t.taskId)).toEqual(expected());
  });

  it("200: pages with limit and nextCursor", async () => {
    const first = await list(liveKey, "?limit=2");
    expect(first.body.data.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([taskIds[2], taskIds[1]]);
    expect(first.body.data.nextCursor).toEqual(expect.any(String));
    const second = await list(liveKey, `?limit=2&cursor=${encodeURIComponent(first.body.data.nextCursor)}`);
    expect(second.body.data).toEqual({ tasks: [expect.objectContaining({ taskId: taskIds[0] })], nextCursor: null });
  });

  it("401: no key", async () => {
    const { status, body } = await list(null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 401, data: null });
  });

  it("403: a key without the read scope", async () => {
    const { key } = await newKey(accountId, { scopes: ["generate"] });
    const { status, body } = await list(key);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 403, msg: expect.stringMatching(/'read' scope/), data: null });
  });

  it.each([
    ["an unknown state", "?state=exploded", "state"],
    ["limit 0", "?limit=0", "limit"],
    ["limit 101", "?limit=101", "limit"],
    ["a made-up cursor", "?cursor=yesterday", "cursor"],
    ["a malformed day", "?from=2026-02-30", "from"],
    ["a key id that is none", "?key=abc", "key"],
  ])("422: %s", async (_, query, param) => {
    const { status, body } = await list(liveKey, query);
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 422, data: null });
    expect(JSON.stringify(body)).toContain(param);
  });
});
