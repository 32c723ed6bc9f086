// A table of children started in order, each once the one before is ready, and stopped in reverse
// order with a timeout each; the first unexpected exit or failed readiness stops them all. Plain Node
// (no `@/` imports) so tests can drive it from a script run with tsx.
import { ChildProcess, spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

/** A service run inside the supervisor's own process (embedded PostgreSQL). */
export type InProcessChild = { stop(): Promise<void> };

export type Started = ChildProcess | InProcessChild;

export type ChildSpec = {
  name: string;
  start(): ChildProcess | Promise<InProcessChild>;
  /** Resolves once the child is healthy. `signal` aborts when the wait is abandoned. */
  ready(child: Started, signal: AbortSignal): Promise<void>;
  readyTimeoutMs: number;
  /** Between SIGTERM and SIGKILL (for an in-process child: how long its stop() may take). */
  stopTimeoutMs: number;
};

export type StopReason = "SIGINT" | "SIGTERM" | "SIGHUP" | "parent exited";

export type SuperviseOptions = {
  /** Stop on SIGINT/SIGTERM/SIGHUP and when the parent process dies. Off for tests that call stop(). */
  handleSignals?: boolean;
  /** The supervisor's own lines. */
  say?: (line: string) => void;
  /** Where the children's prefixed output goes. */
  write?: (stream: "stdout" | "stderr", text: string) => void;
  /** Called once every child is ready. */
  onReady?: () => void;
};

export type Supervisor = {
  /** Resolves with the exit code once every child has stopped. */
  done: Promise<number>;
  /** Stops everything in reverse order; a second call kills what is left at once. */
  stop(reason: StopReason): Promise<void>;
};

const exitCodes: Record<StopReason, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, "parent exited": 129 };
const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const readyMessage = z.object({ ready: z.literal(true) });

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: string };

type Running = {
  name: string;
  /** Never settles for an in-process child: it has no exit of its own to watch. */
  exited: Promise<Exit>;
  /** Says whether there was anything left to stop. */
  stop(forced: Promise<void>): Promise<boolean>;
  /** Synchronous last resort on the supervisor's own exit. */
  kill(): void;
};

/**
 * Spawns a child in a process group of its own. A terminal's Ctrl-C then reaches the supervisor only,
 * which stops children in order instead of all at once, and signalling the group also reaches
 * grandchildren (`next dev` serves from a child process of its own).
 */
export function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe", "ipc"], detached: true });
}

/** Ready once `url` answers 200. */
export function httpReady(url: string, intervalMs = 100): ChildSpec["ready"] {
  return async (_child, signal) => {
    for (;;) {
      try {
        // A first request to `next dev` compiles the route: give it time rather than retry it.
        const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
        await response.body?.cancel();
        if (response.status === 200) return;
      } catch (error) {
        if (signal.aborted) throw error;
      }
      await sleep(intervalMs, undefined, { signal });
    }
  };
}

/** Ready once the child sends the IPC message `{ready: true}`. */
export function ipcReady(): ChildSpec["ready"] {
  return (child, signal) =>
    new Promise((resolve, reject) => {
      if (!(child instanceof ChildProcess)) return reject(new Error("IPC readiness needs a spawned child"));
      const onMessage = (message: unknown) => {
        if (!readyMessage.safeParse(message).success) return;
        signal.removeEventListener("abort", onAbort);
        child.off("message", onMessage);
        resolve();
      };
      const onAbort = () => {
        child.off("message", onMessage);
        reject(signal.reason);
      };
      child.on("message", onMessage);
      signal.addEventListener("abort", onAbort, { once: true });
    });
}

function describeExit(exit: Exit): string {
  if (exit.error) return `could not run (${exit.error})`;
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** Waits `ms` unless `until` settles first; says which happened. */
async function within(until: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const elapsed = sleep(ms, false, { signal: timer.signal }).catch(() => false);
  try {
    return await Promise.race([until.then(() => true), elapsed]);
  } finally {
    timer.abort();
  }
}

/** Copies a stream line by line with a prefix, holding a partial line until its newline or the end. */
function pipeLines(stream: Readable | null, prefix: string, write: (text: string) => void): void {
  if (!stream) return;
  let partial = "";
  const flush = () => {
    if (partial) write(`${prefix}${partial}\n`);
    partial = "";
  };
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) write(`${prefix}${line.replace(/\r$/, "")}\n`);
  });
  stream.on("end", flush);
  stream.on("close", flush);
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.once("error", (error) => {
      if (child.pid === undefined) resolve({ code: null, signal: null, error: error.message });
    });
    child.once("exit", (code, signal) => {
      // Let the pipes drain so the child's last lines print before what is said about its exit; a
      // grandchild holding them open must not hold that up.
      const drained = setTimeout(() => resolve({ code, signal }), 250);
      child.once("close", () => {
        clearTimeout(drained);
        resolve({ code, signal });
      });
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // No such group: the child was not spawned as a group leader, or everything in it is gone.
    child.kill(signal);
  }
}

type Output = Required<Pick<SuperviseOptions, "say" | "write">>;

function runProcess(spec: ChildSpec, child: ChildProcess, prefix: string, output: Output): Running {
  pipeLines(child.stdout, prefix, (text) => output.write("stdout", text));
  pipeLines(child.stderr, prefix, (text) => output.write("stderr", text));
  const exited = exitOf(child);
  const isRunning = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  return {
    name: spec.name,
    exited,
    kill: () => signalGroup(child, "SIGKILL"),
    async stop(forced) {
      const wasRunning = isRunning();
      if (wasRunning) {
        signalGroup(child, "SIGTERM");
        const ended = await within(Promise.race([exited, forced]), spec.stopTimeoutMs);
        if (!ended) output.say(`${spec.name} did not stop within ${spec.stopTimeoutMs / 1000} s: killing it`);
      }
      // Also reaps grandchildren left behind by a child that is already gone.
      signalGroup(child, "SIGKILL");
      await exited;
      return wasRunning;
    },
  };
}

function runInProcess(spec: ChildSpec, child: InProcessChild, say: (line: string) => void): Running {
  return {
    name: spec.name,
    exited: new Promise<Exit>(() => {}),
    kill: () => {},
    // Nothing is harder than stop() in-process, so a forced shutdown still gives it its time.
    async stop() {
      const stopped = child.stop().catch((error: unknown) => say(`${spec.name} failed to stop: ${message(error)}`));
      if (!(await within(stopped, spec.stopTimeoutMs))) say(`${spec.name} did not stop within ${spec.stopTimeoutMs / 1000} s`);
      return true;
    },
  };
}

export function supervise(children: ChildSpec[], options: SuperviseOptions = {}): Supervisor {
  const say = options.say ?? ((line: string) => console.log(`[lumigate] ${line}`));
  const write = options.write ?? ((stream: "stdout" | "stderr", text: string) => void process[stream].write(text));
  const width = Math.max(0, ...children.map((child) => child.name.length));
  const running: Running[] = [];
  const startupAborted = new AbortController();
  const abandoned = new Promise<never>((_, reject) =>
    startupAborted.signal.addEventListener("abort", () => reject(new Error("stopping")), { once: true }),
  );
  abandoned.catch(() => {});
  let forceNow!: () => void;
  const forced = new Promise<void>((resolve) => (forceNow = resolve));
  let stopping: Promise<void> | undefined;
  let finished = false;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const shutdown = (code: number): Promise<void> => {
    startupAborted.abort();
    stopping = (async () => {
      await startup;
      for (const child of [...running].reverse()) {
        const since = Date.now();
        if (await child.stop(forced)) say(`${child.name} stopped in ${seconds(since)} s`);
      }
      unwatch();
      finished = true;
      resolveDone(code);
    })();
    return stopping;
  };

  const fail = (line: string, code = 1) => {
    if (stopping) return;
    say(`${line}; stopping the rest.`);
    void shutdown(code);
  };

  const stop = (reason: StopReason): Promise<void> => {
    if (!stopping) {
      say(`${reason}: stopping...`);
      return shutdown(exitCodes[reason]);
    }
    if (!finished) {
      say(`${reason} again: killing what is left.`);
      forceNow();
    }
    return stopping;
  };

  const awaitReady = async (spec: ChildSpec, child: Started): Promise<string | null> => {
    const wait = new AbortController();
    const ready = Promise.resolve().then(() => spec.ready(child, AbortSignal.any([wait.signal, startupAborted.signal])));
    try {
      if (await within(Promise.race([ready, abandoned]), spec.readyTimeoutMs)) return null;
      return `${spec.name} was not ready within ${spec.readyTimeoutMs / 1000} s`;
    } catch (error) {
      return `${spec.name} failed its readiness check: ${message(error)}`;
    } finally {
      wait.abort();
      ready.catch(() => {});
    }
  };

  const startAll = async () => {
    for (const spec of children) {
      if (startupAborted.signal.aborted) return;
      const since = Date.now();
      let child: Started;
      try {
        child = await spec.start();
      } catch (error) {
        return fail(`${spec.name} could not start: ${message(error)}`);
      }
      const entry =
        child instanceof ChildProcess
          ? runProcess(spec, child, `[${spec.name}]`.padEnd(width + 3), { say, write })
          : runInProcess(spec, child, say);
      running.push(entry);
      void entry.exited.then((exit) => fail(`${spec.name} ${describeExit(exit)}`, exit.code || 1));
      const failure = await awaitReady(spec, child);
      if (startupAborted.signal.aborted) return;
      if (failure) return fail(failure);
      say(`${spec.name} ready in ${seconds(since)} s`);
    }
    options.onReady?.();
  };
  const startup = Promise.resolve().then(startAll);

  const unwatch = watchProcess(options.handleSignals !== false, stop, () => running.forEach((child) => child.kill()));
  return { done, stop };
}

/**
 * Stops on signals and when the parent dies (a killed npm passes no signal on); on the way out, kills
 * whatever is left. Returns the undo.
 */
function watchProcess(handleSignals: boolean, stop: (reason: StopReason) => void, killAll: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => stop(signal as StopReason);
  const parent = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(parentWatch);
    stop("parent exited");
  }, 1000);
  parentWatch.unref();
  if (handleSignals) for (const signal of signals) process.on(signal, onSignal);
  else clearInterval(parentWatch);
  process.on("exit", killAll);
  return () => {
    clearInterval(parentWatch);
    for (const signal of signals) process.off(signal, onSignal);
    process.off("exit", killAll);
  };
}
