// Plain numbers, apart from the schemas, so client components can show them without bundling zod.
export const DEFAULT_RATE_PER_10S = 20;
export const MAX_RATE_PER_10S = 1000;
export const MAX_ROLL_GRACE_DAYS = 7;
/** $1,000,000 a day: far above any real cap, low enough that micros stay exact in a double. */
export const MAX_DAILY_CAP_MICROS = 1_000_000_000_000;
export const KEY_NAME_MAX = 64;
