// Pure money arithmetic for bring-your-own-key tasks, in integer micro-USD.

/** The platform fee on a price: `percent` of it, rounded up to a whole micro-USD. */
export function byokFeeMicros(priceMicros: number, percent: number): number {
  // Percent in hundredths (basis points) keeps the arithmetic integral: 2.5 % is 250.
  const basisPoints = BigInt(Math.round(percent * 100));
  return Number((BigInt(priceMicros) * basisPoints + 9_999n) / 10_000n);
}

type Charged = { priceMicros: bigint; byokFeeMicros: bigint | null; byokUsed: boolean };

/** What a successful task costs: the fee when it ran on the account's own key, else the price held. */
export function chargedMicros(task: Charged): bigint {
  return task.byokUsed && task.byokFeeMicros !== null ? task.byokFeeMicros : task.priceMicros;
}
