// The web process: Next's request handler behind a plain node:http server, so that every request
// carries the address of the socket it came in on. `next start` only fills X-Forwarded-For when the
// client sent none, which lets a client choose its own address; this header is always overwritten.
// lib/http/client-address.ts reads it (with TRUSTED_PROXIES). Usage: web.mjs start|dev PORT HOST.
// Plain JavaScript without the react-server condition (Next loads its own): it imports nothing from
// lib/, and the launcher sets NODE_ENV for it as `next start` and `next dev` would.
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-lumigate-peer";
const DRAIN_MS = 8_000;

const [mode, portArg, hostname] = process.argv.slice(2);
const port = Number(portArg);
if ((mode !== "start" && mode !== "dev") || !Number.isInteger(port) || !hostname) {
  console.error("usage: web.mjs start|dev PORT HOST");
  process.exit(2);
}

const app = next({ dev: mode === "dev", hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
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
