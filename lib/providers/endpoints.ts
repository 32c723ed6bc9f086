import "server-only";
import { env } from "@/lib/env";
import type { Endpoint, UpstreamProtocol } from "./types";

const protocolByProvider: Record<string, UpstreamProtocol> = {
  "black-forest-labs": "bfl",
  fal: "fal",
  replicate: "replicate",
  openai: "openai",
};

/** The credential and base URL of each real upstream, when the operator configured one. */
function realEndpoint(protocol: UpstreamProtocol): Endpoint | null {
  switch (protocol) {
    case "bfl":
      return env.BFL_API_KEY ? { baseUrl: env.BFL_BASE_URL, credential: env.BFL_API_KEY } : null;
    case "fal":
      return env.FAL_KEY ? { baseUrl: env.FAL_BASE_URL, credential: env.FAL_KEY, jwksUrl: env.FAL_JWKS_URL } : null;
    case "replicate":
      return env.REPLICATE_API_TOKEN ? { baseUrl: env.REPLICATE_BASE_URL, credential: env.REPLICATE_API_TOKEN } : null;
    case "openai":
      return env.OPENAI_API_KEY ? { baseUrl: env.OPENAI_BASE_URL, credential: env.OPENAI_API_KEY } : null;
  }
}

const simulatorPrefix: Record<UpstreamProtocol, string> = {
  bfl: "/bfl",
  fal: "/fal",
  replicate: "/replicate/v1",
  openai: "/openai/v1",
};

function simulatorEndpoint(protocol: UpstreamProtocol): Endpoint | null {
  if (!env.SIMULATOR_URL) return null;
  const base = env.SIMULATOR_URL.replace(/\/$/, "");
  return {
    baseUrl: `${base}${simulatorPrefix[protocol]}`,
    credential: "simulator",
    ...(protocol === "fal" ? { jwksUrl: `${base}/fal/.well-known/jwks.json` } : {}),
  };
}

export type ResolvedEndpoint = { protocol: UpstreamProtocol; endpoint: Endpoint; simulated: boolean };

export function protocolOf(providerSlug: string): UpstreamProtocol | null {
  return protocolByProvider[providerSlug] ?? null;
}

/** The catalog provider that speaks a protocol (each protocol belongs to one upstream). */
export function providerOf(protocol: UpstreamProtocol): string {
  return Object.keys(protocolByProvider).find((slug) => protocolByProvider[slug] === protocol)!;
}

/**
 * Where a route's jobs go: the real upstream when its credential is configured and the key is
 * live; otherwise the simulator speaking that upstream's protocol. Null when neither is available.
 */
export function resolveEndpoint(providerSlug: string, mode: "live" | "test"): ResolvedEndpoint | null {
  const protocol = protocolOf(providerSlug);
  if (!protocol) return null;
  const real = mode === "live" ? realEndpoint(protocol) : null;
  if (real) return { protocol, endpoint: real, simulated: false };
  const simulated = simulatorEndpoint(protocol);
  return simulated ? { protocol, endpoint: simulated, simulated: true } : null;
}

/** Whether live jobs for this provider reach a real upstream. */
export function isRealUpstreamConfigured(providerSlug: string): boolean {
  const protocol = protocolOf(providerSlug);
  return protocol !== null && realEndpoint(protocol) !== null;
}

/** Whether any real upstream is configured; when none is, every live job runs on the simulator. */
export function anyRealUpstream(): boolean {
  return Object.keys(protocolByProvider).some(isRealUpstreamConfigured);
}

/** The endpoint a submitted task's upstream lives at: the one that accepted it, real or simulated. */
export function endpointFor(providerSlug: string, simulated: boolean): ResolvedEndpoint | null {
  const protocol = protocolOf(providerSlug);
  if (!protocol) return null;
  const endpoint = simulated ? simulatorEndpoint(protocol) : realEndpoint(protocol);
  return endpoint ? { protocol, endpoint, simulated } : null;
}
