export type Timers = {
  /** Runs `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Cancels everything still pending; later calls to `after` do nothing. */
  stop(): void;
};

/** Every timer the simulator sets, so stopping it leaves nothing behind to fire. */
export function createTimers(): Timers {
  const pending = new Set<NodeJS.Timeout>();
  let stopped = false;
  return {
    after(ms, fn) {
      if (stopped) return () => {};
      const timer = setTimeout(() => {
        pending.delete(timer);
        fn();
      }, Math.max(0, ms));
      // Never the reason a process stays up: the HTTP server is.
      timer.unref();
      pending.add(timer);
      return () => {
        clearTimeout(timer);
        pending.delete(timer);
      };
    },
    stop() {
      stopped = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
