import "server-only";

// One line per API request. Written in batches straight to stdout: a console.log per request
// (through Next's console wrappers, one write syscall each) cost about 6% of the web process's CPU
// under load in `npm run bench`.
const FLUSH_AFTER_MS = 50;
const FLUSH_AT_BYTES = 16 * 1024;

type AccessLog = { lines: string[]; bytes: number; timer: NodeJS.Timeout | null };
// On globalThis: route bundles may each get their own module instance, and all share one buffer.
const globalForLog = globalThis as unknown as { lumigateAccessLog?: AccessLog };

function flush(log: AccessLog): void {
  if (log.timer) clearTimeout(log.timer);
  log.timer = null;
  if (log.lines.length === 0) return;
  const text = log.lines.join("");
  log.lines = [];
  log.bytes = 0;
  process.stdout.write(text);
}

function accessLog(): AccessLog {
  if (globalForLog.lumigateAccessLog) return globalForLog.lumigateAccessLog;
  const log: AccessLog = { lines: [], bytes: 0, timer: null };
  process.once("exit", () => flush(log));
  return (globalForLog.lumigateAccessLog = log);
}

export function logRequest(line: string): void {
  const log = accessLog();
  log.lines.push(`${line}\n`);
  log.bytes += line.length + 1;
  if (log.bytes >= FLUSH_AT_BYTES) return flush(log);
  if (!log.timer) {
    log.timer = setTimeout(() => flush(log), FLUSH_AFTER_MS);
    log.timer.unref();
  }
}
