// What the figures were measured on, and what a process tree holds in memory and has spent in CPU.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? "unknown";
  } catch {
    return os.cpus()[0]?.model ?? "unknown";
  }
}

export function machineLine(): string {
  return `${os.cpus().length} CPU (${cpuModel()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString()}`;
}

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** `pid` and its descendants (`next start` may serve from a child, postgres forks one per connection). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(parents.get(next) ?? []));
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmRSS:"));
    return Number.parseInt(line?.split(/\s+/)[1] ?? "", 10) || 0;
  } catch {
    return 0;
  }
}

/** VmRSS of `pid` and its descendants, in MiB. */
export function treeRssMib(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * User + system CPU of `pid` and its live descendants, plus what their reaped children spent, in ms:
 * postgres backends that came and went between two readings count through the postmaster.
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const fields = statFields(p);
    // utime, stime, cutime, cstime are fields 14-17 of the stat line (1-based, command name = 2).
    if (fields) ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  }
  return (ticks / ticksPerSecond) * 1000;
}
