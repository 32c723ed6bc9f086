// The web process: Next's request handler behind a plain node:http server, so that every request
// carries the address of the socket it came in on. `next start` only fills X-Forwarded-For when the
// client sent none, which lets a client choose its own address; this header is always overwritten.
// lib/http/client-address.ts reads it (with TRUSTED_PROXIES). Usage: web.mjs start|dev PORT HOST [--hsts];
// the launcher adds --hsts when PUBLIC_URL is https, so browsers keep to https from then on.
// Plain JavaScript without the react-server condition (Next loads its own): it imports nothing from
// lib/, and the launcher sets NODE_ENV for it as `next start` and `next dev` would.
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-lumigate-peer";
const DRAIN_MS = 8_000;

const [mode, portArg, hostname, ...flags] = process.argv.slice(2);
const HSTS = flags.includes("--hsts") ? "max-age=63072000; includeSubDomains" : null;
const port = Number(portArg);
if ((mode !== "start" && mode !== "dev") || !Number.isInteger(port) || !hostname) {
  console.error("usage: web.mjs start|dev PORT HOST");
  process.exit(2);
}

const app = next({ dev: mode === "dev", hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// What Next would otherwise answer with a 500: a path it cannot decode, and a server action posted
// from another origin; and page and action bodies past the size Next allows an action. API routes
// cap their own bodies (lib/http), with their own envelopes.
const PAGE_BODY_LIMIT = 1024 * 1024;
const API_PREFIXES = ["/api/v1/", "/v1/", "/api/upstream/", "/api/auth/"];

/** [status, message] when the request is refused before routing; null to pass it on. */
function refusal(req) {
  const path = (req.url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    return [400, "The URL has malformed percent-encoding."];
  }
  if (/%00/i.test(path)) return [400, "The URL contains a NUL character."];
  const isApi = API_PREFIXES.some((prefix) => path.startsWith(prefix));
  if (!isApi && req.method !== "GET" && req.method !== "HEAD" && Number(req.headers["content-length"] ?? 0) > PAGE_BODY_LIMIT) {
    return [413, "The request body is larger than the 1 MiB a form accepts."];
  }
  if (req.headers["next-action"] !== undefined && req.headers.origin !== undefined) {
    const host = req.headers["x-forwarded-host"] ?? req.headers.host;
    let origin = null;
    try {
      origin = new URL(req.headers.origin).host;
    } catch {
      // An Origin that is not a URL is no same-origin request either.
    }
    if (origin !== host) return [403, "Forms on this site can only be sent from this site."];
  }
  return null;
}

// A refused body is still read (and dropped), up to this much: a client still sending it would
// otherwise see a broken pipe instead of the answer.
const DRAIN_LIMIT = 16 * 1024 * 1024;

function refuse(req, res, [status, message]) {
  const path = (req.url ?? "/").split("?")[0];
  const json = path.startsWith("/api/") || path.startsWith("/v1/");
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  res.writeHead(status, { "content-type": json ? "application/json" : "text/plain; charset=utf-8" });
  res.end(json ? JSON.stringify({ error: { message, code: status === 413 ? "payload_too_large" : status === 403 ? "forbidden" : "bad_request" } }) : `${message}\n`);
}

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  if (HSTS) res.setHeader("Strict-Transport-Security", HSTS);
  const refused = refusal(req);
  if (refused) return refuse(req, res, refused);
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
