import "server-only";
import { env } from "@/lib/env";
import type { Endpoint, UpstreamProtocol } from "./types";

const protocolByProvider: Record<string, UpstreamProtocol> = {
  "black-forest-labs": "bfl",
  fal: "fal",
  replicate: "replicate",
  openai: "openai",
};

/** Where each real upstream is, whoever's credential calls it. */
function realBase(protocol: UpstreamProtocol): Omit<Endpoint, "credential"> {
  switch (protocol) {
    case "bfl":
      return { baseUrl: env.BFL_BASE_URL };
    case "fal":
      return { baseUrl: env.FAL_BASE_URL, jwksUrl: env.FAL_JWKS_URL };
    case "replicate":
      return { baseUrl: env.REPLICATE_BASE_URL };
    case "openai":
      return { baseUrl: env.OPENAI_BASE_URL };
  }
}

const platformCredentials: Record<UpstreamProtocol, () => string | undefined> = {
  bfl: () => env.BFL_API_KEY,
  fal: () => env.FAL_KEY,
  replicate: () => env.REPLICATE_API_TOKEN,
  openai: () => env.OPENAI_API_KEY,
};

/** The credential and base URL of each real upstream, when the operator configured one. */
function realEndpoint(protocol: UpstreamProtocol): Endpoint | null {
  const credential = platformCredentials[protocol]();
  return credential ? { ...realBase(protocol), credential } : null;
}

const simulatorPrefix: Record<UpstreamProtocol, string> = {
  bfl: "/bfl",
  fal: "/fal",
  replicate: "/replicate/v1",
  openai: "/openai/v1",
};

function simulatorEndpoint(protocol: UpstreamProtocol, credential = "simulator"): Endpoint | null {
  if (!env.SIMULATOR_URL) return null;
  const base = env.SIMULATOR_URL.replace(/\/$/, "");
  return {
    baseUrl: `${base}${simulatorPrefix[protocol]}`,
    credential,
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
 * An account's own credential (bring your own key) calls the real upstream, whether or not the
 * operator has a credential there; only a gateway that runs on the simulator alone (no real
 * upstream at all: a demo, the tests) sends it to the simulator, which checks credentials too.
 */
function accountEndpoint(protocol: UpstreamProtocol, credential: string, simulated: boolean): ResolvedEndpoint | null {
  const endpoint = simulated ? simulatorEndpoint(protocol, credential) : { ...realBase(protocol), credential };
  return endpoint ? { protocol, endpoint, simulated } : null;
}

/**
 * Where a route's jobs go: with the account's own credential (live keys only), the upstream as
 * accountEndpoint says; else the real upstream when its credential is configured and the key is
 * live; otherwise the simulator speaking that upstream's protocol. Null when none is available.
 */
export function resolveEndpoint(providerSlug: string, mode: "live" | "test", accountCredential?: string): ResolvedEndpoint | null {
  const protocol = protocolOf(providerSlug);
  if (!protocol) return null;
  if (accountCredential !== undefined && mode === "live") return accountEndpoint(protocol, accountCredential, !anyRealUpstream());
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

/**
 * The endpoint a submitted task's upstream lives at: the one that accepted it, real or simulated,
 * called with the account's own credential when the job was submitted with it.
 */
export function endpointFor(providerSlug: string, simulated: boolean, accountCredential?: string): ResolvedEndpoint | null {
  const protocol = protocolOf(providerSlug);
  if (!protocol) return null;
  if (accountCredential !== undefined) return accountEndpoint(protocol, accountCredential, simulated);
  const endpoint = simulated ? simulatorEndpoint(protocol) : realEndpoint(protocol);
  return endpoint ? { protocol, endpoint, simulated } : null;
}
