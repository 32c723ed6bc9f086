// The benchmark's HTTP client: keep-alive connections through an undici Pool, answers parsed with zod.
import { Pool } from "undici";
import { z } from "zod";

const BENCH_MODEL = "flux-2-pro";

const createTaskAnswer = z.object({ code: z.number(), data: z.object({ taskId: z.string() }).nullish() });
const recordInfoAnswer = z.object({ code: z.number(), data: z.object({ state: z.string() }).nullish() });
const pingAnswer = z.object({ ok: z.literal(true) });

export type Client = {
  ping(): Promise<boolean>;
  /** The new task's id, or null when the server refused (the status then says why). */
  createTask(key: string, prompt: string, seed?: number): Promise<{ status: number; taskId: string | null }>;
  recordInfo(key: string, taskId: string): Promise<{ status: number; state: string | null }>;
  close(): Promise<void>;
};

export function openClient(origin: string, connections: number): Client {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000 });
  return {
    async ping() {
      const res = await pool.request({ method: "GET", path: "/api/ping" });
      const body: unknown = await res.body.json();
      return res.statusCode === 200 && pingAnswer.safeParse(body).success;
    },
    async createTask(key, prompt, seed) {
      const res = await pool.request({
        method: "POST",
        path: "/api/v1/jobs/createTask",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: BENCH_MODEL, input: { prompt, ...(seed === undefined ? {} : { seed }) } }),
      });
      const answer = createTaskAnswer.safeParse(await res.body.json());
      return { status: res.statusCode, taskId: (res.statusCode === 200 && answer.data?.data?.taskId) || null };
    },
    async recordInfo(key, taskId) {
      const res = await pool.request({
        method: "GET",
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`,
        headers: { authorization: `Bearer ${key}` },
      });
      const answer = recordInfoAnswer.safeParse(await res.body.json());
      return { status: res.statusCode, state: answer.data?.data?.state ?? null };
    },
    close: () => pool.close(),
  };
}
