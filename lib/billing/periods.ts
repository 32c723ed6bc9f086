/** UTC day and month a moment falls in: the keys of the spend windows caps are checked against. */
export function spendPeriods(now: Date): { day: string; month: string } {
  const iso = now.toISOString();
  return { day: iso.slice(0, 10), month: iso.slice(0, 7) };
}

export const accountScope = (accountId: string) => `account:${accountId}`;
export const keyScope = (apiKeyId: string) => `key:${apiKeyId}`;

