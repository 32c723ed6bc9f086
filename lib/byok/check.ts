import "server-only";
import type { ResolvedEndpoint } from "@/lib/providers/endpoints";
import { joinUrl, send, summariseError, textOf } from "@/lib/providers/http";
import { UpstreamError, type UpstreamProtocol } from "@/lib/providers/types";

import type { CheckResult } from "./view";

const CHECK_TIMEOUT_MS = 10_000;
/** A well-formed request id no upstream has issued. */
const NO_SUCH_REQUEST = "00000000-0000-4000-8000-000000000000";

type Check = { path: string; headers: (credential: string) => Record<string, string>; acceptedAlso?: number[] };

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

// Each upstream's cheapest authenticated call; none of them costs anything.
const checks: Record<UpstreamProtocol, Check> = {
  bfl: { path: "v1/credits", headers: (credential) => ({ "x-key": credential }) },
  // The fal queue has no "who am I": it authenticates a status request before looking the request
  // up, so "not found" for a request that cannot exist means the key got through.
  fal: {
    path: `fal-ai/flux-2-pro/requests/${NO_SUCH_REQUEST}/status`,
    headers: (credential) => ({ authorization: `Key ${credential}` }),
    acceptedAlso: [404],
  },
  replicate: { path: "account", headers: bearer },
  openai: { path: "models", headers: bearer },
};

/** An upstream's words about a key must not repeat the key itself. */
export function redactSecret(text: string, secret: string): string {
  return text.split(secret).join("••••");
}

/** Asks the upstream whether it accepts the endpoint's credential. `name` names the upstream to people. */
export async function checkCredential(resolved: ResolvedEndpoint, name: string): Promise<CheckResult> {
  const { protocol, endpoint } = resolved;
  const check = checks[protocol];
  let response;
  try {
    response = await send({
      upstream: name,
      method: "GET",
      url: joinUrl(endpoint.baseUrl, check.path),
      headers: check.headers(endpoint.credential),
      timeoutMs: CHECK_TIMEOUT_MS,
      maxBytes: 1024 * 1024,
    });
  } catch (error) {
    if (error instanceof UpstreamError) return { outcome: "inconclusive", message: `Could not check it: ${error.message}.` };
    throw error;
  }
  const { status } = response;
  if ((status >= 200 && status < 300) || check.acceptedAlso?.includes(status)) {
    return { outcome: "ok", message: `${name} accepted it.` };
  }
  const detail = redactSecret(summariseError(textOf(response)), endpoint.credential);
  const said = `${name} answered ${status}${detail ? `: ${detail}` : ""}`;
  if (status === 401 || status === 403) return { outcome: "refused", message: `${said}.` };
  if (status === 402) return { outcome: "no_credit", message: `${said}. The key works, but its ${name} account is out of credit.` };
  return { outcome: "inconclusive", message: `Could not check it: ${said}.` };
}
