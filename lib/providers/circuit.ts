// Per process: each worker learns on its own that an upstream keeps failing, and skips it for a
// while. Money never depends on it, so it needs no shared store.

const FAILURES_TO_OPEN = 5;
const OPEN_MS = 30_000;

type Circuit = { failures: number; openUntil: number; probing: boolean };

const circuits = new Map<string, Circuit>();

function circuit(name: string): Circuit {
  let c = circuits.get(name);
  if (!c) circuits.set(name, (c = { failures: 0, openUntil: 0, probing: false }));
  return c;
}

/** False while the circuit is open; once it has been open long enough, one caller probes. */
export function allowRequest(name: string, now = Date.now()): boolean {
  const c = circuit(name);
  if (c.failures < FAILURES_TO_OPEN) return true;
  if (now < c.openUntil || c.probing) return false;
  c.probing = true;
  return true;
}

export function recordSuccess(name: string): void {
  const c = circuit(name);
  c.failures = 0;
  c.openUntil = 0;
  c.probing = false;
}

export function recordFailure(name: string, now = Date.now()): void {
  const c = circuit(name);
  c.failures += 1;
  c.probing = false;
  if (c.failures >= FAILURES_TO_OPEN) c.openUntil = now + OPEN_MS;
}

export function circuitState(name: string, now = Date.now()): "closed" | "open" | "half_open" {
  const c = circuit(name);
  if (c.failures < FAILURES_TO_OPEN) return "closed";
  return now < c.openUntil ? "open" : "half_open";
}

export function resetCircuits(): void {
  circuits.clear();
}
