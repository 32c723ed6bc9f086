/**
 * When to ask the upstream again. Early polls are close together so a finished job is seen within
 * a second (BFL suggests polling every 0.5 s); long-running jobs are asked less often. With an
 * upstream webhook on its way, polling is only the safety net.
 */
export function nextPollDelayMs(sinceSubmitMs: number, polls: number, hasWebhook: boolean): number {
  if (hasWebhook) return sinceSubmitMs < 120_000 ? 5_000 : 15_000;
  if (polls < 4) return 250;
  if (sinceSubmitMs < 120_000) return 500;
  if (sinceSubmitMs < 600_000) return 2_000;
  return 5_000;
}

/** After a failed poll (the upstream unreachable): the outcome is unknown, so keep asking, slower. */
export function pollRetryDelayMs(consecutiveErrors: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.min(consecutiveErrors, 6));
}
