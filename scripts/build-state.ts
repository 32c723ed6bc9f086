// Whether `.next` holds a production build of the current sources, for the scripts that run
// `next start` (the launcher, the benchmarks). Plain Node, relative to the working directory.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What `next build` compiles; a change to any of these makes the last build stale.
const buildInputs = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when there is no build, or a source is newer than it. */
export function buildIsStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.resolve(input)) > builtAt);
}
