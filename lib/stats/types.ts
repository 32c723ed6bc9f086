/** Figures of one UTC day of the window (`day` is YYYY-MM-DD). */
export type DayFigures = {
  day: string;
  requests: number;
  successes: number;
  medianLatencyMs: number | null;
  /** How many of the day's counted requests ran on the built-in simulator. */
  simulated: number;
};

/** A variant's live figures over the last 7 days, across all accounts, as the stats job last wrote them. */
export type VariantFigures = {
  /** Ended tasks (success or fail). */
  requests: number;
  successes: number;
  /** Median submitted -> finished of the successes; null without any. */
  medianLatencyMs: number | null;
  /** The figures come from simulated tasks (a demo instance, or a variant only test keys have run). */
  isSimulated: boolean;
  /** Every UTC day the window touches, oldest first, zero-filled. */
  daily: DayFigures[];
  computedAt: Date;
};
