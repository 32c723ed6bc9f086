import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, buildConnector, type Dispatcher, fetch, type RequestInit, type Response } from "undici";
import { blockedReason } from "./address";

/** Every address a hostname resolves to, as `dns.lookup(name, { all: true })` answers. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export type SafeDispatcherOptions = {
  allowLoopback: boolean;
  /** Replaces the system resolver, so tests can make a name resolve anywhere without DNS. */
  resolveHost?: ResolveHost;
};

export type SafeFetchInit = Omit<RequestInit, "dispatcher"> & Partial<SafeDispatcherOptions>;

export class SsrfBlockedError extends Error {
  readonly code = "SSRF_BLOCKED";

  constructor(
    readonly address: string,
    readonly reason: string,
    readonly hostname: string,
  ) {
    super(`refused to connect to ${address}${hostname === address ? "" : ` (${hostname})`}: ${reason}`);
    this.name = "SsrfBlockedError";
  }
}

export class InvalidUrlError extends Error {
  readonly code = "INVALID_URL";

  constructor(message: string) {
    super(message);
    this.name = "InvalidUrlError";
  }
}

const systemResolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true });

// WHATWG URL parsing already turns 2130706433 or 0x7f000001 into 127.0.0.1, but getaddrinfo would
// accept those spellings too (inet_aton), so any form ipaddr.js reads as an address is a literal.
function ipLiteral(hostname: string): string | null {
  if (isIP(hostname)) return hostname;
  return ipaddr.isValid(hostname) ? ipaddr.parse(hostname).toString() : null;
}

function vetted(address: string, hostname: string, allowLoopback: boolean): string {
  const reason = blockedReason(address, allowLoopback);
  if (reason) throw new SsrfBlockedError(address, reason, hostname);
  return address;
}

// Every resolved address must pass, not just the one we dial: a name that answers with one public
// and one private address is someone's rebinding attempt.
async function vetHost(hostname: string, options: SafeDispatcherOptions): Promise<string> {
  const name = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const literal = ipLiteral(name);
  if (literal) return vetted(literal, name, options.allowLoopback);
  const answers = await (options.resolveHost ?? systemResolveHost)(name);
  const first = answers[0];
  if (!first) throw Object.assign(new Error(`no address for ${name}`), { code: "ENOTFOUND" });
  for (const { address } of answers) vetted(address, name, options.allowLoopback);
  return first.address;
}

/**
 * An undici Agent that resolves each hostname itself, refuses the connection unless every address is
 * public (see blockedReason), and dials the vetted IP while TLS still names the host (SNI, certificate).
 */
export function createSafeDispatcher(options: SafeDispatcherOptions): Dispatcher {
  const connect = buildConnector({});
  return new Agent({
    connect: (connectOptions, callback) => {
      vetHost(connectOptions.hostname, options).then(
        (address) => {
          const servername = connectOptions.servername ?? (ipLiteral(connectOptions.hostname) ? undefined : connectOptions.hostname);
          connect({ ...connectOptions, hostname: address, servername }, callback);
        },
        (error: Error) => callback(error, null),
      );
    },
  });
}

const dispatchers = new WeakMap<ResolveHost, Map<boolean, Dispatcher>>();

function sharedDispatcher(options: SafeDispatcherOptions): Dispatcher {
  const resolveHost = options.resolveHost ?? systemResolveHost;
  let byLoopback = dispatchers.get(resolveHost);
  if (!byLoopback) dispatchers.set(resolveHost, (byLoopback = new Map()));
  let dispatcher = byLoopback.get(options.allowLoopback);
  if (!dispatcher) {
    dispatcher = createSafeDispatcher({ allowLoopback: options.allowLoopback, resolveHost });
    byLoopback.set(options.allowLoopback, dispatcher);
  }
  return dispatcher;
}

/** The URL when it is one a callback may target (http or https, no credentials); throws InvalidUrlError. */
export function parseCallbackUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidUrlError("not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InvalidUrlError(`${url.protocol} URLs are not allowed`);
  if (url.username || url.password) throw new InvalidUrlError("URLs with credentials are not allowed");
  return url;
}

/** fetch through a shared safe dispatcher; refusals reject with a TypeError whose `cause` is an SsrfBlockedError. */
export async function safeFetch(url: string | URL, init: SafeFetchInit = {}): Promise<Response> {
  const { allowLoopback = false, resolveHost, ...rest } = init;
  const target = parseCallbackUrl(url);
  return fetch(target, { ...rest, dispatcher: sharedDispatcher({ allowLoopback, resolveHost }) });
}
