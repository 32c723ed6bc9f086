import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/config";
import { env, publicUrl } from "@/lib/env";
import { fetchReplicateWebhookSecret } from "@/lib/providers/replicate";
import type { Endpoint, UpstreamProtocol } from "@/lib/providers/types";

// Upstreams call us back at /api/upstream/<protocol>?task=<id>&token=<hmac>. The token proves we
// issued the URL for that task; the upstream's own signature (where it signs) proves who sent it.

function mac(label: string, taskId: string): string {
  return createHmac("sha256", authSecret()).update(`${label}:${taskId}`).digest("base64url");
}

export function isValidWebhookToken(taskId: string, token: string): boolean {
  const expected = Buffer.from(mac("upstream-webhook", taskId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The per-task secret BFL signs its webhook with (we choose it on submit). */
export function bflWebhookSecret(taskId: string): string {
  return mac("bfl-webhook-secret", taskId);
}

/**
 * This server's base URL as an upstream can reach it: the simulator runs on this machine; a real
 * upstream needs a public https address, so without one jobs are polled only.
 */
function webhookBase(simulated: boolean): string | null {
  if (env.UPSTREAM_WEBHOOK_URL === "none") return null;
  if (env.UPSTREAM_WEBHOOK_URL) return env.UPSTREAM_WEBHOOK_URL.replace(/\/$/, "");
  if (simulated) return `http://127.0.0.1:${env.PORT}`;
  return publicUrl.startsWith("https://") ? publicUrl.replace(/\/$/, "") : null;
}

const replicateSecrets = new Map<string, { secret: Promise<string>; expiresAt: number }>();
const REPLICATE_SECRET_TTL_MS = 3_600_000;
// One entry per Replicate credential, and accounts bring their own: bounded like the other caches.
const REPLICATE_SECRET_MAX_ENTRIES = 1_000;

/** Replicate signs with one secret per account, fetched from its API and kept for an hour. */
export function replicateWebhookSecret(endpoint: Endpoint): Promise<string> {
  const cacheKey = `${endpoint.baseUrl}|${endpoint.credential}`;
  const hit = replicateSecrets.get(cacheKey);
  if (hit && hit.expiresAt > Date.now()) return hit.secret;
  const secret = fetchReplicateWebhookSecret(endpoint);
  if (replicateSecrets.size >= REPLICATE_SECRET_MAX_ENTRIES) replicateSecrets.delete(replicateSecrets.keys().next().value!);
  replicateSecrets.set(cacheKey, { secret, expiresAt: Date.now() + REPLICATE_SECRET_TTL_MS });
  secret.catch(() => replicateSecrets.delete(cacheKey));
  return secret;
}

/** What the adapter passes upstream on submit; undefined where the upstream cannot reach us or has no webhooks. */
export function upstreamWebhookFor(taskId: string, protocol: UpstreamProtocol, simulated: boolean) {
  if (protocol === "openai") return undefined;
  const base = webhookBase(simulated);
  if (!base) return undefined;
  const query = new URLSearchParams({ task: taskId, token: mac("upstream-webhook", taskId) });
  return { url: `${base}/api/upstream/${protocol}?${query}`, secret: protocol === "bfl" ? bflWebhookSecret(taskId) : "" };
}

/** The secret a webhook for this task must be signed with (BFL, Replicate); fal uses its JWKS. */
export async function webhookSecretFor(taskId: string, protocol: UpstreamProtocol, endpoint: Endpoint): Promise<string | undefined> {
  if (protocol === "bfl") return bflWebhookSecret(taskId);
  if (protocol === "replicate") return replicateWebhookSecret(endpoint);
  return undefined;
}
