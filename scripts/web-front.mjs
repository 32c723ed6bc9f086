// What the web process does to every request before Next sees it (scripts/web.mjs): records the
// socket's address, adds HSTS when served over https, and answers what Next would fail on with a
// 500 itself. Plain JavaScript for the same reason as web.mjs.

/** Always overwritten from the socket: lib/ratelimit/client-address.ts trusts it. */
export const PEER_HEADER = "x-lumigate-peer";
const HSTS = "max-age=63072000; includeSubDomains";

// Page and action bodies past the size Next allows an action. API routes cap their own bodies
// (lib/http), with their own envelopes, and next-auth's endpoints are capped in lib/auth/route.ts.
const PAGE_BODY_LIMIT = 1024 * 1024;
const API_PREFIXES = ["/api/v1/", "/v1/", "/api/upstream/", "/api/auth/"];
// A refused body is still read (and dropped), up to this much: a client still sending it would
// otherwise see a broken pipe instead of the answer.
const DRAIN_LIMIT = 16 * 1024 * 1024;

/** [status, message] when the request is refused before routing; null to pass it on. */
export function refusal(req) {
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

function refuse(req, res, [status, message]) {
  const path = (req.url ?? "/").split("?")[0];
  const json = path.startsWith("/api/") || path.startsWith("/v1/");
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  const code = status === 413 ? "payload_too_large" : status === 403 ? "forbidden" : "bad_request";
  res.writeHead(status, { "content-type": json ? "application/json" : "text/plain; charset=utf-8" });
  res.end(json ? JSON.stringify({ error: { message, code } }) : `${message}\n`);
}

/** The node:http request listener in front of Next's `handle`. */
export function frontHandler({ handle, hsts }) {
  return (req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    if (hsts) res.setHeader("Strict-Transport-Security", HSTS);
    const refused = refusal(req);
    if (refused) return refuse(req, res, refused);
    void handle(req, res);
  };
}
