import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { httpReady, ipcReady, spawnChild, supervise, type ChildSpec, type SuperviseOptions } from "./supervisor";

// One stand-in child for every case, told how to behave by a JSON argument.
const standInSource = `
import http from "node:http";
import { spawn } from "node:child_process";
const b = JSON.parse(process.argv[2]);
console.log(\`start \${b.name}\`);
process.on("SIGTERM", () => {
  if (b.onTerm === "ignore") return console.log(\`ignoring SIGTERM \${b.name}\`);
  process.stdout.write(\`term \${b.name}\\n\`);
  process.exit(0);
});
if (b.grandchild) {
  const g = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  console.log(\`grandchild \${g.pid}\`);
}
if (b.partial) {
  process.stdout.write("one\\ntw");
  setTimeout(() => process.stdout.write("o\\r\\nthree"), 50);
  process.stderr.write("oops\\n");
}
setTimeout(() => {
  if (b.ready === "ipc") process.send({ ready: true });
  if (b.ready === "http") {
    let asked = 0;
    http.createServer((req, res) => {
      asked += 1;
      res.statusCode = req.url === "/health" && asked > 2 ? 200 : 503;
      res.end();
    }).listen(b.port, "127.0.0.1");
  }
}, b.readyDelayMs ?? 0);
if (b.exitAfterMs !== undefined) setTimeout(() => process.exit(b.exitCode ?? 0), b.exitAfterMs);
setInterval(() => {}, 1000);
`;

// Stand-ins need nothing from the environment.
const childEnv: NodeJS.ProcessEnv = { NODE_ENV: "test" };
const repoRoot = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "supervisor-test-"));
const standIn = path.join(dir, "stand-in.mjs");
writeFileSync(standIn, standInSource);

// The supervisor in a process of its own, for real signals and a real parent.
const driverSource = `
import { ipcReady, spawnChild, supervise } from ${JSON.stringify(path.join(import.meta.dirname, "supervisor.ts"))};
const [standIn, mode] = process.argv.slice(2);
const child = (name, behaviour, stopTimeoutMs) => ({
  name,
  start: () => {
    const spawned = spawnChild(process.execPath, [standIn, JSON.stringify({ name, ready: "ipc", ...behaviour })], {});
    console.log(\`pid \${spawned.pid}\`);
    return spawned;
  },
  ready: ipcReady(),
  readyTimeoutMs: 5_000,
  stopTimeoutMs,
});
const onTerm = mode === "stubborn" ? "ignore" : "exit";
const supervisor = supervise([child("a", {}, 2_000), child("b", { onTerm }, 20_000)], {
  onReady: () => console.log("all ready"),
});
supervisor.done.then((code) => process.exit(code));
`;
const driver = path.join(dir, "driver.ts");
writeFileSync(driver, driverSource);
// Whatever a failing case left running, so one failure does not leave processes behind.
const everyPid = new Set<number>();
afterAll(() => {
  for (const pid of everyPid) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone, as it should be.
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

type Behaviour = {
  ready?: "ipc" | "http" | "never";
  readyDelayMs?: number;
  onTerm?: "exit" | "ignore";
  exitAfterMs?: number;
  exitCode?: number;
  port?: number;
  partial?: boolean;
  grandchild?: boolean;
};

type Harness = { specs: ChildSpec[]; pids: number[]; started: string[]; lines: string[]; options: SuperviseOptions };

function harness(): Harness {
  const lines: string[] = [];
  return {
    specs: [],
    pids: [],
    started: [],
    lines,
    options: {
      handleSignals: false,
      say: (line) => lines.push(`say ${line}`),
      write: (stream, text) => lines.push(`${stream} ${text}`),
    },
  };
}

function child(h: Harness, name: string, behaviour: Behaviour, timeouts: Partial<ChildSpec> = {}): ChildSpec {
  const spec: ChildSpec = {
    name,
    start: () => {
      h.started.push(name);
      const spawned = spawnChild(process.execPath, [standIn, JSON.stringify({ name, ready: "ipc", ...behaviour })], childEnv);
      if (spawned.pid) {
        h.pids.push(spawned.pid);
        everyPid.add(spawned.pid);
      }
      return spawned;
    },
    ready: behaviour.ready === "http" ? httpReady(`http://127.0.0.1:${behaviour.port}/health`, 20) : ipcReady(),
    readyTimeoutMs: 5_000,
    stopTimeoutMs: 2_000,
    ...timeouts,
  };
  h.specs.push(spec);
  return spec;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Grandchildren are reaped by init, which here takes up to ~2 s; children are reaped at once. */
async function expectAllGone(pids: number[], withinMs = 0): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && !pids.every(isGone)) await sleep(50);
  expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
}

function lineIndex(lines: string[], text: string): number {
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `no line with "${text}" in:\n${lines.join("")}`).toBeGreaterThanOrEqual(0);
  return index;
}

function waitForLine(lines: string[], text: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    while (!lines.some((line) => line.includes(text))) {
      if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${lines.join("")}`);
      await sleep(20);
    }
  })();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("supervise", () => {
  it("starts each child only once the one before is ready, by IPC or by HTTP", async () => {
    const h = harness();
    const port = await freePort();
    child(h, "slow", { readyDelayMs: 300 });
    child(h, "web", { ready: "http", port });
    child(h, "last", {});
    let readyAt = 0;
    const supervisor = supervise(h.specs, { ...h.options, onReady: () => (readyAt = h.lines.length) });
    await waitForLine(h.lines, "last ready in");
    expect(lineIndex(h.lines, "say slow ready in")).toBeLessThan(lineIndex(h.lines, "start web"));
    expect(lineIndex(h.lines, "say web ready in")).toBeLessThan(lineIndex(h.lines, "start last"));
    expect(readyAt).toBe(h.lines.length);
    await supervisor.stop("SIGTERM");
    expect(await supervisor.done).toBe(143);
    await expectAllGone(h.pids);
  });

  it("prefixes every line with the child's padded name, holding partial lines and flushing at exit", async () => {
    const h = harness();
    child(h, "a", {});
    child(h, "longer", { partial: true, exitAfterMs: 300, exitCode: 0 });
    const supervisor = supervise(h.specs, h.options);
    expect(await supervisor.done).toBe(1);
    const output = h.lines.filter((line) => !line.startsWith("say"));
    expect(output).toEqual(
      expect.arrayContaining(["stdout [a]      start a\n", "stdout [longer] one\n", "stdout [longer] two\n"]),
    );
    expect(output).toContain("stdout [longer] three\n");
    expect(output).toContain("stderr [longer] oops\n");
    expect(output.filter((line) => line.includes("[longer]"))).toHaveLength(5);
    await expectAllGone(h.pids);
  });

  it("stops the others in reverse order when a child exits unexpectedly, and exits non-zero", async () => {
    const h = harness();
    child(h, "first", {});
    child(h, "second", {});
    child(h, "third", {});
    child(h, "crash", { exitAfterMs: 200, exitCode: 3 });
    const supervisor = supervise(h.specs, h.options);
    expect(await supervisor.done).toBe(3);
    lineIndex(h.lines, "say crash exited with code 3; stopping the rest.");
    const third = lineIndex(h.lines, "term third");
    const second = lineIndex(h.lines, "term second");
    const first = lineIndex(h.lines, "term first");
    expect(third).toBeLessThan(second);
    expect(second).toBeLessThan(first);
    await expectAllGone(h.pids);
  });

  it("kills a child that ignores SIGTERM once its stop timeout has passed", async () => {
    const h = harness();
    child(h, "stubborn", { onTerm: "ignore" }, { stopTimeoutMs: 400 });
    const supervisor = supervise(h.specs, { ...h.options, onReady: () => void supervisor.stop("SIGINT") });
    const since = Date.now();
    expect(await supervisor.done).toBe(130);
    expect(Date.now() - since).toBeGreaterThanOrEqual(400);
    expect(Date.now() - since).toBeLessThan(3_000);
    lineIndex(h.lines, "ignoring SIGTERM stubborn");
    lineIndex(h.lines, "say stubborn did not stop within 0.4 s: killing it");
    await expectAllGone(h.pids);
  });

  it("skips to SIGKILL when asked to stop a second time", async () => {
    const h = harness();
    child(h, "stubborn", { onTerm: "ignore" }, { stopTimeoutMs: 20_000 });
    const supervisor = supervise(h.specs, h.options);
    await waitForLine(h.lines, "stubborn ready in");
    const since = Date.now();
    void supervisor.stop("SIGINT");
    await waitForLine(h.lines, "ignoring SIGTERM");
    void supervisor.stop("SIGINT");
    expect(await supervisor.done).toBe(130);
    expect(Date.now() - since).toBeLessThan(3_000);
    lineIndex(h.lines, "say SIGINT again: killing what is left.");
    await expectAllGone(h.pids);
  });

  it.each([
    { case: "a readiness timeout", behaviour: { ready: "never" }, timeouts: { readyTimeoutMs: 300 }, says: "b was not ready within 0.3 s" },
    { case: "an exit before readiness", behaviour: { ready: "never", exitAfterMs: 100, exitCode: 2 }, timeouts: {}, says: "b exited with code 2" },
  ] as const)("fails startup on $case and stops the children already started", async ({ behaviour, timeouts, says }) => {
    const h = harness();
    child(h, "a", {});
    child(h, "b", behaviour, timeouts);
    child(h, "c", {});
    const supervisor = supervise(h.specs, h.options);
    expect(await supervisor.done).not.toBe(0);
    lineIndex(h.lines, `say ${says}; stopping the rest.`);
    lineIndex(h.lines, "term a");
    expect(h.started).toEqual(["a", "b"]);
    await expectAllGone(h.pids);
  });

  it("fails startup when a child cannot be spawned", async () => {
    const h = harness();
    child(h, "a", {});
    h.specs.push({
      name: "missing",
      start: () => spawnChild(path.join(dir, "no-such-binary"), [], childEnv),
      ready: ipcReady(),
      readyTimeoutMs: 5_000,
      stopTimeoutMs: 1_000,
    });
    const supervisor = supervise(h.specs, h.options);
    expect(await supervisor.done).toBe(1);
    lineIndex(h.lines, "say missing could not run (spawn");
    lineIndex(h.lines, "term a");
    await expectAllGone(h.pids);
  });

  it("stops an in-process child last, after the processes started after it", async () => {
    const h = harness();
    h.specs.push({
      name: "db",
      start: async () => ({ stop: async () => void h.lines.push("db stopped") }),
      ready: async () => {},
      readyTimeoutMs: 1_000,
      stopTimeoutMs: 1_000,
    });
    child(h, "worker", {});
    const supervisor = supervise(h.specs, { ...h.options, onReady: () => void supervisor.stop("SIGHUP") });
    expect(await supervisor.done).toBe(129);
    expect(lineIndex(h.lines, "term worker")).toBeLessThan(lineIndex(h.lines, "db stopped"));
    await expectAllGone(h.pids);
  });

  it("kills grandchildren with their child's process group", async () => {
    const h = harness();
    child(h, "parent", { grandchild: true });
    const supervisor = supervise(h.specs, h.options);
    await waitForLine(h.lines, "parent ready in");
    const grandchild = Number(/grandchild (\d+)/.exec(h.lines.join(""))?.[1]);
    everyPid.add(grandchild);
    expect(isGone(grandchild)).toBe(false);
    await supervisor.stop("SIGTERM");
    await supervisor.done;
    await expectAllGone([...h.pids, grandchild], 5_000);
  });
});

function runDriver(mode: "polite" | "stubborn", options: { viaShell?: boolean } = {}) {
  const args = ["--import", "tsx", driver, standIn, mode];
  const spawned: ChildProcess = options.viaShell
    ? spawn("sh", ["-c", `${[process.execPath, ...args].map((arg) => `'${arg}'`).join(" ")} & wait`], {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const pids = () => [...lines.join("").matchAll(/^pid (\d+)$/gm)].map((match) => Number(match[1]));
  spawned.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    lines.push(chunk);
    pids().forEach((pid) => everyPid.add(pid));
  });
  spawned.stderr?.setEncoding("utf8").on("data", (chunk: string) => lines.push(chunk));
  const closed = new Promise<number | null>((resolve) => spawned.on("close", (code) => resolve(code)));
  if (spawned.pid) everyPid.add(spawned.pid);
  return { process: spawned, lines, closed, pids, text: () => lines.join("") };
}

describe("supervise in a process of its own", () => {
  it.each([
    { signal: "SIGINT", code: 130 },
    { signal: "SIGTERM", code: 143 },
    { signal: "SIGHUP", code: 129 },
  ] as const)("stops in reverse order on $signal and exits $code", async ({ signal, code }) => {
    const run = runDriver("polite");
    await waitForLine(run.lines, "all ready", 10_000);
    run.process.kill(signal);
    expect(await run.closed).toBe(code);
    expect(run.text().indexOf("term b")).toBeLessThan(run.text().indexOf("term a"));
    expect(run.text()).toContain(`[lumigate] ${signal}: stopping...`);
    expect(run.pids()).toHaveLength(2);
    await expectAllGone(run.pids());
  });

  it("kills what is left on a second SIGINT", async () => {
    const run = runDriver("stubborn");
    await waitForLine(run.lines, "all ready", 10_000);
    const since = Date.now();
    run.process.kill("SIGINT");
    await waitForLine(run.lines, "ignoring SIGTERM b");
    run.process.kill("SIGINT");
    expect(await run.closed).toBe(130);
    expect(Date.now() - since).toBeLessThan(5_000);
    expect(run.text()).toContain("[lumigate] SIGINT again: killing what is left.");
    expect(run.text()).toContain("[lumigate] a stopped");
    await expectAllGone(run.pids());
  });

  it("stops everything when its parent dies without passing a signal on", async () => {
    const run = runDriver("polite", { viaShell: true });
    await waitForLine(run.lines, "all ready", 10_000);
    run.process.kill("SIGKILL");
    await run.closed;
    expect(run.text()).toContain("[lumigate] parent exited: stopping...");
    expect(run.text().indexOf("term b")).toBeLessThan(run.text().indexOf("term a"));
    await expectAllGone(run.pids());
  });
});
