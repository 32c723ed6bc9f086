import type { Timers } from "./timers";

export type WebhookDelivery = {
  url: string;
  body: string;
  /** Built for each attempt: signatures carry the attempt's timestamp. */
  headers: () => Record<string, string>;
  /** Waits before each retry at speed 1; empty = one attempt only. */
  retryDelaysMs: readonly number[];
  /** `[sim:dup-webhook]`: two identical deliveries at once, each with its own retries. */
  copies?: number;
};

export type WebhookStats = { attempts: number; delivered: number; abandoned: number };

export type WebhookSender = {
  send(delivery: WebhookDelivery): void;
  stats(): WebhookStats;
  stop(): void;
};

const attemptTimeoutMs = 10_000;

export function createWebhookSender(options: { timers: Timers; speed: number }): WebhookSender {
  const { timers, speed } = options;
  const stats: WebhookStats = { attempts: 0, delivered: 0, abandoned: 0 };
  const inFlight = new Set<AbortController>();
  let stopped = false;

  async function attempt(delivery: WebhookDelivery, index: number) {
    if (stopped) return;
    stats.attempts++;
    const controller = new AbortController();
    inFlight.add(controller);
    const cancelTimeout = timers.after(attemptTimeoutMs, () => controller.abort());
    let ok = false;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "lumigate-simulator", ...delivery.headers() },
        body: delivery.body,
        signal: controller.signal,
        redirect: "manual",
      });
      await response.arrayBuffer().catch(() => undefined);
      ok = response.status >= 200 && response.status < 300;
    } catch {
      ok = false;
    } finally {
      cancelTimeout();
      inFlight.delete(controller);
    }
    if (stopped) return;
    if (ok) {
      stats.delivered++;
      return;
    }
    const delay = delivery.retryDelaysMs[index];
    if (delay === undefined) {
      stats.abandoned++;
      return;
    }
    timers.after(delay / speed, () => void attempt(delivery, index + 1));
  }

  return {
    send(delivery) {
      for (let copy = 0; copy < (delivery.copies ?? 1); copy++) void attempt(delivery, 0);
    },
    stats: () => ({ ...stats }),
    stop() {
      stopped = true;
      for (const controller of inFlight) controller.abort();
    },
  };
}
