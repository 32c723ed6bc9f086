import { upstreamProtocols, type UpstreamProtocol } from "@/lib/providers/types";

// Fault directives ride in the prompt so that any client (an SDK, curl, the gateway) can send them
// unchanged: `[sim:429]`, `[sim:slow=1500]`, `[sim:429@bfl]`.

export const directiveKinds = [
  "fail",
  "moderate",
  "429",
  "500",
  "503",
  "hang",
  "slow",
  "dup-webhook",
  "expire",
  "poll-500",
] as const;
export type DirectiveKind = (typeof directiveKinds)[number];

export type Directive = {
  kind: DirectiveKind;
  /** Only this protocol obeys it; absent = every protocol. */
  protocol?: UpstreamProtocol;
  /** `slow` only: the job's whole duration in milliseconds, whatever the speed. */
  value?: number;
};

/** What one protocol makes of a prompt's directives. */
export type Faults = {
  fail: boolean;
  moderate: boolean;
  /** The submit answers this status instead of accepting. */
  refuseWith: 429 | 500 | 503 | null;
  hang: boolean;
  slowMs: number | null;
  dupWebhook: boolean;
  expire: boolean;
  poll500: boolean;
};

const token = /\[sim:([a-z0-9-]+)(?:=(\d+))?(?:@([a-z]+))?\]/gi;

function toDirective(name: string, value: string | undefined, protocol: string | undefined): Directive | null {
  const kind = directiveKinds.find((k) => k === name.toLowerCase());
  if (!kind) return null;
  if ((kind === "slow") !== (value !== undefined)) return null;
  const target = protocol === undefined ? undefined : upstreamProtocols.find((p) => p === protocol.toLowerCase());
  if (protocol !== undefined && !target) return null;
  return { kind, ...(target ? { protocol: target } : {}), ...(value !== undefined ? { value: Number(value) } : {}) };
}

/** Every well-formed directive in the prompt, in order. Malformed tokens are not directives. */
export function parseDirectives(prompt: string): Directive[] {
  const found: Directive[] = [];
  for (const match of prompt.matchAll(token)) {
    const directive = toDirective(match[1]!, match[2], match[3]);
    if (directive) found.push(directive);
  }
  return found;
}

/** The prompt as it is drawn and echoed back: directives removed, whitespace tidied. */
export function stripDirectives(prompt: string): string {
  return prompt
    .replace(token, (whole, name: string, value?: string, protocol?: string) =>
      toDirective(name, value, protocol) ? " " : whole,
    )
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function faultsFor(prompt: unknown, protocol: UpstreamProtocol): Faults {
  const directives = typeof prompt === "string" ? parseDirectives(prompt) : [];
  const mine = directives.filter((d) => !d.protocol || d.protocol === protocol);
  const has = (kind: DirectiveKind) => mine.some((d) => d.kind === kind);
  const refusal = mine.find((d) => d.kind === "429" || d.kind === "500" || d.kind === "503");
  return {
    fail: has("fail"),
    moderate: has("moderate"),
    refuseWith: refusal ? (Number(refusal.kind) as 429 | 500 | 503) : null,
    hang: has("hang"),
    slowMs: mine.find((d) => d.kind === "slow")?.value ?? null,
    dupWebhook: has("dup-webhook"),
    expire: has("expire"),
    poll500: has("poll-500"),
  };
}
