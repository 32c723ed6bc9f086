// The web process: Next's request handler behind a plain node:http server (web-front.mjs), so that
// every request carries the address of the socket it came in on. `next start` only fills
// X-Forwarded-For when the client sent none, which lets a client choose its own address; this
// header is always overwritten. Usage: web.mjs start|dev PORT HOST [--hsts];
// the launcher adds --hsts when PUBLIC_URL is https, so browsers keep to https from then on.
// Plain JavaScript without the react-server condition (Next loads its own): it imports nothing from
// lib/, and the launcher sets NODE_ENV for it as `next start` and `next dev` would.
import { createServer } from "node:http";
import next from "next";
import { frontHandler } from "./web-front.mjs";

const DRAIN_MS = 8_000;

const [mode, portArg, hostname, ...flags] = process.argv.slice(2);
const port = Number(portArg);
if ((mode !== "start" && mode !== "dev") || !Number.isInteger(port) || !hostname) {
  console.error("usage: web.mjs start|dev PORT HOST");
  process.exit(2);
}

const app = next({ dev: mode === "dev", hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(frontHandler({ handle, hsts: flags.includes("--hsts") }));
if (mode === "dev") {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
}
server.listen(port, hostname, () => console.log(`web server on http://${hostname}:${port} (${mode})`));

// The supervisor sends SIGTERM: finish what is in flight, then exit (it kills after a timeout).
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), DRAIN_MS).unref();
  });
}
