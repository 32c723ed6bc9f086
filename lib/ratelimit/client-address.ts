import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/** Set by scripts/web.mjs on every request from the socket's address; a client's own copy is overwritten. */
export const PEER_HEADER = "x-lumigate-peer";

/** When the server was started some other way than scripts/web.mjs: every such request shares one limit. */
const UNKNOWN = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) as the IPv4 address, so one client has one spelling. */
function normalise(address: string): string | null {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1];
  const candidate = mapped ?? trimmed;
  return isIP(candidate) ? candidate.toLowerCase() : null;
}

/**
 * The client's address, for rate limits. X-Forwarded-For is written by whoever sends it, so only
 * the entries that `trustedProxies` hops of our own proxies appended are believed: with N trusted
 * proxies, the address is the Nth entry from the right (each proxy appends the address it was
 * reached from); a request that passed fewer proxies gets the leftmost address there is.
 */
export function clientAddress(source: HeaderSource, trustedProxies: number = env.TRUSTED_PROXIES): string {
  const peer = normalise(header(source, PEER_HEADER) ?? "");
  if (!peer) return UNKNOWN;
  if (trustedProxies === 0) return peer;
  const forwarded = (header(source, "x-forwarded-for") ?? "").split(",").filter((s) => s.trim() !== "");
  const hops = [peer, ...forwarded.reverse()];
  const chosen = hops[Math.min(trustedProxies, hops.length - 1)]!;
  return normalise(chosen) ?? UNKNOWN;
}
