import type { UpstreamProtocol } from "@/lib/providers/types";
import { credentialFrom, json, type Reply, type SimRequest } from "./http-io";
import { openAiError } from "./openai/schemas";

// Which credential a request carries, as each protocol sends it, and the refusals the simulator is
// told to give by the credential itself, so tests of bring-your-own-key need no fault directive:
// `bad-...` is an unknown key (401), `broke-...` an account out of credit (402), `locked-...` a
// key that may not do this (403). Every other credential is accepted.

export function credentialOf(protocol: UpstreamProtocol, request: SimRequest): string | null {
  switch (protocol) {
    case "bfl":
      return request.header("x-key") ?? null;
    case "fal":
      return credentialFrom(request.header("authorization"), ["Key"]);
    case "replicate":
      return credentialFrom(request.header("authorization"), ["Bearer", "Token"]);
    case "openai":
      return credentialFrom(request.header("authorization"), ["Bearer"]);
  }
}

type Refusal = 401 | 402 | 403;

const refusalByPrefix: [prefix: string, status: Refusal][] = [
  ["bad-", 401],
  ["broke-", 402],
  ["locked-", 403],
];

const messages: Record<Refusal, string> = {
  401: "Invalid credentials: this key does not exist or was revoked",
  402: "Insufficient credit: top up this account to continue",
  403: "This key is not allowed to use this resource",
};

function replyFor(protocol: UpstreamProtocol, status: Refusal): Reply {
  const message = messages[status];
  switch (protocol) {
    case "bfl":
    case "fal":
      return json(status, { detail: message });
    case "replicate":
      return json(status, { title: status === 401 ? "Unauthenticated" : status === 402 ? "Payment required" : "Forbidden", detail: message, status });
    case "openai":
      return json(status, openAiError(message, null, status === 401 ? "invalid_api_key" : status === 402 ? "insufficient_quota" : null));
  }
}

/** The refusal a request's credential asks for, or null to go on. */
export function credentialRefusal(protocol: UpstreamProtocol, credential: string | null): Reply | null {
  if (!credential) return null;
  const status = refusalByPrefix.find(([prefix]) => credential.startsWith(prefix))?.[1];
  return status ? replyFor(protocol, status) : null;
}
