// A closed loop of tasks: createTask over HTTP keeps up to `window` of them in flight, and the
// database says when each one has finished. The window keeps the worker's queue full without
// letting finished-but-uncopied results outgrow the simulator's file store (300 images). Every
// task asks for the same prompt and seed, so the simulator renders once and the CPU goes to Lumigate.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { openClient } from "./client";

export type TaskLoop = {
  /** Creates tasks until `total` exist in all, then waits until every one of them has finished. */
  runTo(total: number, timeoutMs: number): Promise<void>;
  /** Every task created so far, in order. */
  ids: string[];
  close(): Promise<void>;
};

const CHECK_EVERY_MS = 20;
const CREATORS = 8;
const MAX_REFUSALS = 50;
const SEED = 20_261_201;

export function openTaskLoop(origin: string, key: string, options: { window: number; prompt: string }): TaskLoop {
  const client = openClient(origin, CREATORS);
  const ids: string[] = [];
  const outstanding = new Set<string>();
  let creating = 0;
  let refusals = 0;
  let wakers: (() => void)[] = [];
  const wake = () => {
    const now = wakers;
    wakers = [];
    for (const w of now) w();
  };
  const changed = () => new Promise<void>((resolve) => wakers.push(resolve));

  async function check(): Promise<void> {
    if (outstanding.size === 0) return;
    const done = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Task" WHERE id = ANY(${[...outstanding]}::text[]) AND state IN ('success', 'fail')`;
    for (const { id } of done) outstanding.delete(id);
    if (done.length > 0) wake();
  }

  async function creator(total: number): Promise<void> {
    while (ids.length + creating < total) {
      if (outstanding.size + creating >= options.window) {
        await changed();
        continue;
      }
      creating++;
      const created = await client.createTask(key, options.prompt, SEED).finally(() => creating--);
      if (created.taskId) {
        ids.push(created.taskId);
        outstanding.add(created.taskId);
      } else if (++refusals > MAX_REFUSALS) {
        throw new Error(`createTask refused ${refusals} tasks (last answer: HTTP ${created.status})`);
      }
    }
  }

  return {
    ids,
    async runTo(total, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let creatorsDone = false;
      const creators = Promise.all(Array.from({ length: CREATORS }, () => creator(total))).finally(() => (creatorsDone = true));
      creators.catch(() => {});
      while (!creatorsDone || outstanding.size > 0) {
        if (Date.now() > deadline) {
          throw new Error(`${outstanding.size} of ${ids.length} tasks still in flight after ${timeoutMs / 1000} s`);
        }
        await check();
        await sleep(CHECK_EVERY_MS);
      }
      await creators;
    },
    close: () => client.close(),
  };
}
