// The benchmark's child processes, their output kept in a log file and their last lines in memory
// for error messages. Unlike the launcher's (scripts/supervisor.ts spawnChild), they stay in the
// benchmark's process group: a terminal's Ctrl-C then reaches them even if the benchmark itself is
// gone, which happens when the `tsx` CLI that runs it does not hear back quickly enough and SIGKILLs it.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ChildSpec } from "@/scripts/supervisor";

export type Proc = {
  name: string;
  pid: number;
  child: ChildProcess;
  exited: Promise<void>;
  /** The last lines it printed. */
  tail(): string;
};

const TAIL_LINES = 30;
const running = new Set<Proc>();
const stopping = new WeakSet<Proc>();
let onUnexpectedExit: (proc: Proc) => void = () => {};

/** What to do when a child exits that nobody asked to stop (it crashed): the figures would be void. */
export function whenUnexpectedExit(handler: (proc: Proc) => void): void {
  onUnexpectedExit = handler;
}

const isRunning = (proc: Proc) => proc.child.exitCode === null && proc.child.signalCode === null;

export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Proc {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  const log = createWriteStream(path.join(logDir, `${name}-${child.pid}.log`));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const proc: Proc = { name, pid: child.pid, child, exited, tail: () => lines.join("\n") };
  running.add(proc);
  void exited.then(() => {
    running.delete(proc);
    log.end();
    if (!stopping.has(proc)) onUnexpectedExit(proc);
  });
  return proc;
}

/** Resolves once `ready` passes; throws, with the child's last lines, if it exits or `timeoutMs` passes first. */
export async function waitReady(proc: Proc, ready: ChildSpec["ready"], timeoutMs: number): Promise<void> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`not ready within ${timeoutMs / 1000} s`)), timeoutMs);
  const died = proc.exited.then(() => {
    throw new Error("exited before it was ready");
  });
  try {
    await Promise.race([ready(proc.child, abort.signal), died]);
  } catch (error) {
    throw new Error(`${proc.name} ${error instanceof Error ? error.message : String(error)}; its last lines:\n${proc.tail()}`);
  } finally {
    clearTimeout(timer);
    abort.abort();
    died.catch(() => {});
  }
}

/** SIGTERM, then SIGKILL after `timeoutMs`. */
export async function stopProcess(proc: Proc, timeoutMs = 15_000): Promise<void> {
  stopping.add(proc);
  if (isRunning(proc)) {
    proc.child.kill("SIGTERM");
    const ended = await Promise.race([proc.exited.then(() => true), sleep(timeoutMs, false)]);
    if (!ended) console.log(`[bench] ${proc.name} did not stop within ${timeoutMs / 1000} s: killing it`);
  }
  if (isRunning(proc)) proc.child.kill("SIGKILL");
  await proc.exited;
}

/** The synchronous last resort on exit. */
export function killAllNow(): void {
  for (const proc of running) if (isRunning(proc)) proc.child.kill("SIGKILL");
}
