/**
 * How long a closed account's ledger, holds and top-ups are kept: bookkeeping law (e.g. the German
 * HGB §257, the longest of the usual 6 to 10 years) asks this of the operator's records of payments.
 */
export const LEDGER_RETENTION_YEARS = 10;
