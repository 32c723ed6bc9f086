import { randomInt } from "node:crypto";
import { upstreamProtocols, type UpstreamProtocol } from "@/lib/providers/types";
import type { FileStore } from "./file-store";
import type { Reply, SimRequest } from "./http-io";
import type { JobEngine } from "./job-engine";
import type { Timers } from "./timers";
import type { WebhookSender } from "./webhook-sender";

export type ProtocolCounters = Record<UpstreamProtocol, number>;

export type SimCounters = {
  /** Jobs accepted. */
  submitted: ProtocolCounters;
  /** Submits to a known model answered with an error (validation, directives, the concurrency cap). */
  refused: ProtocolCounters;
  /** Status polls and result fetches answered. */
  polls: ProtocolCounters;
};

/** What every protocol handler shares. */
export type SimContext = {
  publicUrl: string;
  speed: number;
  timers: Timers;
  engine: JobEngine;
  files: FileStore;
  webhooks: WebhookSender;
  counters: SimCounters;
};

export type ProtocolHandler = (request: SimRequest) => Promise<Reply>;

export function zeroCounters(): ProtocolCounters {
  return Object.fromEntries(upstreamProtocols.map((p) => [p, 0])) as ProtocolCounters;
}

/** A seed for requests that did not give one: reported back so the image can be made again. */
export function randomSeed(): number {
  return randomInt(0, 2_147_483_647);
}

export const tenMinutesMs = 10 * 60 * 1000;
export const oneHourMs = 60 * 60 * 1000;
