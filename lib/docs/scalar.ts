import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

// Scalar's browser bundle, served from this origin: the reference must load nothing from another
// host (its CDN default would), so the page works offline and leaks no visit to a third party.
const packageDir = path.resolve("node_modules/@scalar/api-reference");

type Bundle = { version: string; body: Buffer };
let loaded: Promise<Bundle> | null = null;

export function scalarBundle(): Promise<Bundle> {
  loaded ??= Promise.all([
    readFile(path.join(packageDir, "package.json"), "utf8"),
    readFile(path.join(packageDir, "dist/browser/standalone.js")),
  ]).then(([pkg, body]) => ({ version: (JSON.parse(pkg) as { version: string }).version, body }));
  loaded.catch(() => (loaded = null));
  return loaded;
}
