import "server-only";
import { db, type Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

/** The worker's job names (lib/worker/jobs.ts registers a handler for each). */
export const jobNames = {
  submit: "task_submit",
  poll: "task_poll",
  callback: "callback_deliver",
  housekeeping: "housekeeping",
  lowBalance: "account_low_balance",
  variantStats: "variant_stats",
} as const;

export type JobName = (typeof jobNames)[keyof typeof jobNames];

/**
 * Adds a graphile-worker job with SQL inside the caller's transaction: the job exists exactly when
 * the change that needs it commits (the outbox pattern, for free). A `jobKey` replaces the waiting
 * job with that key rather than adding a second.
 */
export async function addJob(
  tx: Tx,
  name: JobName,
  payload: Record<string, unknown>,
  options: { runAt?: Date; jobKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? 25}::int,
      job_key => ${options.jobKey ?? null}::text,
      job_key_mode => 'replace'
    )`;
}

/** addJob outside any transaction. */
export function addJobNow(name: JobName, payload: Record<string, unknown>, options?: Parameters<typeof addJob>[3]): Promise<void> {
  return addJob(db, name, payload, options);
}
