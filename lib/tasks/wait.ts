import "server-only";
import { db } from "@/lib/db";

// Short steps first: a simulated image is ready in well under a second, a real one in seconds.
const WAIT_STEPS_MS = [50, 100, 150, 250, 400, 600, 1000];

/** The tasks, in the order asked for, once every one has ended (success or fail); null if `timeoutMs` passes first. */
export async function waitForTasks(taskIds: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; ; i++) {
    const tasks = await db.task.findMany({
      where: { id: { in: taskIds } },
      select: { id: true, state: true, failCode: true, failMsg: true, media: { orderBy: { position: "asc" } } },
    });
    if (tasks.every((t) => t.state === "success" || t.state === "fail")) return taskIds.map((id) => tasks.find((t) => t.id === id)!);
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEPS_MS[Math.min(i, WAIT_STEPS_MS.length - 1)]));
  }
}
