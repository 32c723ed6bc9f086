// The upstream simulator as its own process: BFL, fal, Replicate and OpenAI images on one port.
// A standalone process, so it reads its two settings here rather than through lib/env.ts.
import { startSimulator } from "@/lib/simulator";

function numberSetting(name: string, fallback: number, valid: (value: number) => boolean): number {
  // eslint-disable-next-line no-restricted-properties -- a standalone process outside the app's env schema
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`${name} must be ${name === "SIMULATOR_PORT" ? "a port number" : "a positive number"}, got "${raw}"`);
  return value;
}

async function main() {
  const port = numberSetting("SIMULATOR_PORT", 4010, (v) => Number.isInteger(v) && v >= 0 && v <= 65_535);
  const speed = numberSetting("SIMULATOR_SPEED", 1, (v) => Number.isFinite(v) && v > 0);
  const simulator = await startSimulator({ port, speed });
  console.log(`ready on ${simulator.url}`);
  process.send?.({ ready: true });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void simulator.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // A parent that goes away without a signal (IPC closed) should not leave the port taken.
  process.on("disconnect", stop);
}

main().catch((error: unknown) => {
  console.error(`[simulator] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
